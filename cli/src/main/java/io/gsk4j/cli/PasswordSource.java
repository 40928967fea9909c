package io.gsk4j.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/**
 * Where a store password comes from: the option's value, the first line of a file, or a
 * prompt on the terminal (never echoed). Passwords are never printed, logged or put in JSON.
 */
final class PasswordSource {
    private PasswordSource() {
    }

    /**
     * The password from {@code --password} or {@code --password-file}; null when neither was
     * given. A missing or empty file is a usage error.
     */
    static char[] fromOptions(CommandLine cl, char[] password, Path passwordFile, String optionName) {
        if (password != null && passwordFile != null) {
            throw new ParameterException(cl, optionName + " and " + optionName + "-file are alternatives: give one");
        }
        if (password != null) {
            return password.clone();
        }
        if (passwordFile == null) {
            return null;
        }
        try (BufferedReader in = Files.newBufferedReader(passwordFile, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line == null || line.isEmpty()) {
                throw new ParameterException(cl, "password file " + passwordFile + " is empty");
            }
            return line.toCharArray();
        } catch (NoSuchFileException e) {
            throw new ParameterException(cl, "password file " + passwordFile + " does not exist");
        } catch (IOException e) {
            throw new ParameterException(cl, "cannot read password file " + passwordFile + ": " + e.getMessage());
        }
    }

    /** Asks on the terminal; null when there is no terminal (scripts, tests). */
    static char[] prompt(String question) {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        char[] typed = console.readPassword("%s", question);
        return typed == null || typed.length == 0 ? null : typed;
    }

    /** A new password, typed twice. */
    static char[] promptNew(CommandLine cl, String question) {
        char[] first = prompt(question);
        if (first == null) {
            return null;
        }
        char[] second = prompt("Again: ");
        boolean same = Arrays.equals(first, second);
        if (second != null) {
            Arrays.fill(second, '\0');
        }
        if (!same) {
            Arrays.fill(first, '\0');
            throw new ParameterException(cl, "the two passwords differ");
        }
        return first;
    }
}
