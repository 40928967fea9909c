package io.gsk4j.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;

/**
 * A PKCS#12 or JKS store file: recognised by content (as core's loader does), loaded with
 * errors a user can act on, and saved atomically with owner-only permissions.
 */
final class KeyStoreFile {
    /** The formats the store commands edit. PEM stores are text: people edit those by hand. */
    enum Type {
        PKCS12, JKS, JCEKS;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private KeyStoreFile() {
    }

    static Type detect(Path file, byte[] content) throws CommandFailure {
        if (content.length >= 4 && (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xED
                && (content[2] & 0xFF) == 0xFE && (content[3] & 0xFF) == 0xED) {
            return Type.JKS;
        }
        if (content.length >= 4 && (content[0] & 0xFF) == 0xCE && (content[1] & 0xFF) == 0xCE
                && (content[2] & 0xFF) == 0xCE && (content[3] & 0xFF) == 0xCE) {
            return Type.JCEKS; // keytool's older -storetype jceks
        }
        if (content.length >= 2 && (content[0] & 0xFF) == 0x30) {
            return Type.PKCS12; // a DER SEQUENCE; an empty store is short enough for a one-byte length
        }
        if (new String(content, 0, Math.min(content.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1).contains("-----BEGIN")) {
            throw new CommandFailure(file + " is a PEM file: the store commands edit PKCS#12 and JKS stores;"
                    + " convert it with: gsk4j store import --store NEW.p12 " + file);
        }
        if (file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".kdb")) {
            throw new CommandFailure(file + " is an IBM CMS key database, which only IBM's code reads (see PORTING.md);"
                    + " convert it where GSKit runs: " + CmsConversion.command(file));
        }
        throw new CommandFailure(file + " is not a PKCS#12, JKS or JCEKS store");
    }

    /** keytool's own formats, told by their magic numbers. */
    static boolean isKeytoolStore(byte[] content) {
        return content.length >= 4 && ((content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xED
                || (content[0] & 0xFF) == 0xCE && (content[1] & 0xFF) == 0xCE);
    }

    static KeyStore empty(Type type) throws CommandFailure {
        try {
            KeyStore ks = KeyStore.getInstance(type.name());
            ks.load(null, null);
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new CommandFailure("cannot create a " + type.word() + " store: " + e.getMessage(), e);
        }
    }

    /** Loads a store; a wrong password and a missing file are told apart. */
    static KeyStore load(Path file, char[] password) throws CommandFailure {
        byte[] content = read(file);
        Type type = detect(file, content);
        try {
            KeyStore ks = KeyStore.getInstance(type.name());
            ks.load(new ByteArrayInputStream(content), password);
            return ks;
        } catch (IOException e) {
            if (io.gsk4j.internal.JdkMessages.wrongStorePassword(e)) { // core's one reading of the JDK's words
                throw new CommandFailure("wrong password for " + file);
            }
            throw new CommandFailure("cannot read " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new CommandFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static Type typeOf(Path file) throws CommandFailure {
        return detect(file, read(file));
    }

    static byte[] read(Path file) throws CommandFailure {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        } catch (NoSuchFileException e) {
            throw new CommandFailure(file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new CommandFailure("no permission to read " + file);
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes next to the target first, then moves it in place, so a failure never leaves half a store. */
    static void save(KeyStore ks, Path file, char[] password) throws CommandFailure {
        Path absolute = file.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(absolute.getParent());
            temp = ownerOnlyTempFile(absolute);
            try (OutputStream out = Files.newOutputStream(temp)) {
                store(ks, out, password);
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException e) {
            throw new CommandFailure("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the move took it, or there is nothing to clean
                }
            }
        }
    }

    /**
     * An empty PKCS#12 file from the JDK is 103 bytes, and core's format detection wants a
     * SEQUENCE long enough for a multi-byte length (more than 127 bytes): with the SHA-512
     * MAC an empty store has 136 bytes and opens everywhere (JDK, OpenSSL, gsk4j).
     */
    private static void store(KeyStore ks, OutputStream out, char[] password) throws IOException, GeneralSecurityException {
        if (!ks.getType().equalsIgnoreCase("PKCS12") || ks.size() > 0) {
            ks.store(out, password);
            return;
        }
        synchronized (MAC_PROPERTY) {
            String before = System.getProperty(MAC_PROPERTY);
            System.setProperty(MAC_PROPERTY, "HmacPBESHA512");
            try {
                ks.store(out, password);
            } finally {
                if (before == null) {
                    System.clearProperty(MAC_PROPERTY);
                } else {
                    System.setProperty(MAC_PROPERTY, before);
                }
            }
        }
    }

    private static final String MAC_PROPERTY = "keystore.pkcs12.macAlgorithm";

    static Path ownerOnlyTempFile(Path target) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    }

    /** Writes a small file (PEM, sidecar) with owner-only permissions when it holds a secret. */
    static void writeFile(Path file, byte[] content, boolean secret) throws CommandFailure {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path temp = secret ? ownerOnlyTempFile(absolute) : Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            Files.write(temp, content);
            if (!secret && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // temp files start owner-only; certificates and labels are public
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CommandFailure("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
