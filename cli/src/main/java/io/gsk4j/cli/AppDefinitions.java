package io.gsk4j.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The registry of application IDs core reads for GSK_IBMI_APPLICATION_ID:
 * {@code <home>/appdefs.properties} with {@code <ID>.store}, {@code <ID>.label} and
 * {@code <ID>.stash}. Entries of other IDs are kept; the file is written sorted.
 */
final class AppDefinitions {
    static final String FILE_NAME = "appdefs.properties";

    private AppDefinitions() {
    }

    static void register(Path home, String id, String store, String label, String stash) throws CommandFailure {
        Path file = home.resolve(FILE_NAME);
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            // the first registration creates the file
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
        put(properties, id + ".store", store);
        put(properties, id + ".label", label);
        put(properties, id + ".stash", stash);
        KeyStoreFile.writeFile(file, render(properties).getBytes(StandardCharsets.UTF_8), false);
    }

    private static void put(Properties p, String key, String value) {
        if (value == null) {
            p.remove(key); // a new registration replaces the old one completely
        } else {
            p.setProperty(key, value);
        }
    }

    private static String render(Properties properties) {
        StringBuilder out = new StringBuilder("# gsk4j application definitions (GSK_IBMI_APPLICATION_ID): <ID>.store, <ID>.label, <ID>.stash\n");
        new TreeMap<>(properties).forEach((k, v) -> out.append(escape((String) k, true)).append('=')
                .append(escape((String) v, false)).append('\n'));
        return out.toString();
    }

    /** java.util.Properties escaping; the file is read as UTF-8, so other characters stay as they are. */
    private static String escape(String s, boolean key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '=', ':', '#', '!' -> out.append(key || i == 0 ? "\\" + c : String.valueOf(c));
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
