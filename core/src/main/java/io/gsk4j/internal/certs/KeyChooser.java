package io.gsk4j.internal.certs;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Picks the key entry to use: the requested label, else the store's default key. A store
 * with several keys names its default in a sidecar file {@code <store>.label}, standing in
 * for the "default certificate" flag a CMS key database keeps.
 */
final class KeyChooser {
    static final String SIDECAR_SUFFIX = ".label";
    private static final int LISTED_LABELS = 10;

    private KeyChooser() {
    }

    /** The chosen label as spelt in {@code contents.keyLabels()}, or empty when the store has no key. */
    static Optional<String> choose(StoreContents contents, String requested, Path store) throws GskException {
        if (requested != null) {
            return Optional.of(find(contents, requested, store, ""));
        }
        List<String> keys = contents.keyLabels();
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        if (keys.size() == 1) {
            return Optional.of(keys.get(0));
        }
        Path sidecar = store.resolveSibling(store.getFileName() + SIDECAR_SUFFIX);
        String fromSidecar = readSidecar(sidecar);
        if (fromSidecar == null) {
            throw new GskException(GskStatus.GSK_ERROR_BAD_KEYFILE_LABEL, "certificate store " + store + " holds "
                    + keys.size() + " keys and no default label (name one, or put it in " + sidecar + "); "
                    + listing(keys));
        }
        return Optional.of(find(contents, fromSidecar, store, " (default label from " + sidecar + ")"));
    }

    /** Exact match first; the JDK stores lower-case aliases, so fall back to a unique case-insensitive match. */
    private static String find(StoreContents contents, String requested, Path store, String origin) throws GskException {
        String key = match(contents.keyLabels(), requested);
        if (key != null) {
            return key;
        }
        if (match(contents.otherLabels(), requested) != null) {
            throw new GskException(GskStatus.GSK_ERROR_NO_PRIVATE_KEY, "label \"" + requested + "\"" + origin
                    + " in " + store + " names a certificate without a private key");
        }
        throw new GskException(GskStatus.GSK_ERROR_BAD_KEYFILE_LABEL, "label \"" + requested + "\"" + origin
                + " is not a key entry of " + store + "; " + listing(contents.keyLabels()));
    }

    private static String match(List<String> labels, String wanted) {
        if (labels.contains(wanted)) {
            return wanted;
        }
        List<String> loose = labels.stream().filter(l -> l.equalsIgnoreCase(wanted)).distinct().toList();
        return loose.size() == 1 ? loose.get(0) : null;
    }

    private static String listing(List<String> keys) {
        if (keys.isEmpty()) {
            return "the store holds no private keys";
        }
        String shown = String.join(", ", keys.subList(0, Math.min(LISTED_LABELS, keys.size())));
        int more = keys.size() - LISTED_LABELS;
        return "key labels: " + shown + (more > 0 ? " and " + more + " more" : "");
    }

    /** The first line of the sidecar, or null when there is none (a missing sidecar is normal). */
    private static String readSidecar(Path sidecar) throws GskException {
        try (BufferedReader in = Files.newBufferedReader(sidecar, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            return line == null || line.isBlank() ? null : line.trim();
        } catch (NoSuchFileException e) {
            return null;
        } catch (AccessDeniedException e) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_NO_ACCESS, "no authority to read " + sidecar, e);
        } catch (IOException e) {
            throw new GskException(GskStatus.GSK_KEYRING_OPEN_ERROR, "cannot read default label file " + sidecar, e);
        }
    }
}
