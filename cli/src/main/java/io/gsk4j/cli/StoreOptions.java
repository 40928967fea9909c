package io.gsk4j.cli;

import io.gsk4j.GskException;
import io.gsk4j.internal.certs.StashFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The store a store subcommand works on, and where its password comes from. */
final class StoreOptions {
    @Option(names = {"--store", "--keyring"}, paramLabel = "FILE", required = true,
            description = "The store file (PKCS#12, or JKS for existing stores).")
    Path store;

    @Option(names = "--password", paramLabel = "PASSWORD", arity = "1",
            description = "The store password (prefer --password-file, --stash or the prompt: command lines are visible).")
    char[] password;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the store password from the first line of FILE.")
    Path passwordFile;

    @Option(names = "--stash", paramLabel = "FILE", description = "Read the store password from a GSKit stash file (.sth).")
    Path stash;

    boolean exists() {
        return Files.exists(store);
    }

    /**
     * The password: an option, the stash, else a prompt on the terminal (typed twice for a new
     * store). Without any of them the command cannot go on: a usage error.
     */
    char[] password(CommandLine cl, boolean newStore) throws CommandFailure {
        char[] given = PasswordSource.fromOptions(cl, password, passwordFile, "--password");
        if (given != null) {
            if (stash != null) {
                throw new ParameterException(cl, "give the password one way: --password, --password-file or --stash");
            }
            return given;
        }
        if (stash != null) {
            try {
                return StashFile.read(stash);
            } catch (GskException e) {
                throw new CommandFailure("cannot read the stash file " + stash + ": " + e.detail());
            }
        }
        char[] typed = newStore ? PasswordSource.promptNew(cl, "Password for the new store " + store + ": ")
                : PasswordSource.prompt("Password for " + store + ": ");
        if (typed == null) {
            throw new ParameterException(cl, "a password is needed for " + store + ": give --password, --password-file or --stash");
        }
        return typed;
    }

    /** Loads the store, or makes an empty PKCS#12 one when it does not exist yet. */
    Opened openOrCreate(CommandLine cl) throws CommandFailure {
        boolean created = !exists();
        char[] pw = password(cl, created);
        KeyStore ks = created ? KeyStoreFile.empty(KeyStoreFile.Type.PKCS12) : KeyStoreFile.load(store, pw);
        return new Opened(ks, pw, created);
    }

    Opened open(CommandLine cl) throws CommandFailure {
        if (!exists()) {
            throw new CommandFailure(store + " does not exist (create it with: gsk4j store create --store " + store + ")");
        }
        char[] pw = password(cl, false);
        return new Opened(KeyStoreFile.load(store, pw), pw, false);
    }

    /** A loaded store with the password that opened it. */
    record Opened(KeyStore keyStore, char[] password, boolean created) {
    }
}
