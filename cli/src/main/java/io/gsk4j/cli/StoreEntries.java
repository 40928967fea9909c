package io.gsk4j.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/** Reading and changing entries of a loaded store, with the messages users see. */
final class StoreEntries {
    /** core's KeyChooser reads the default label from this sidecar of the store. */
    static final String SIDECAR_SUFFIX = ".label";

    private StoreEntries() {
    }

    static Path sidecar(Path store) {
        return store.toAbsolutePath().resolveSibling(store.getFileName() + SIDECAR_SUFFIX);
    }

    static void requireFree(KeyStore ks, String label, boolean replace, Path store) throws CommandFailure {
        try {
            if (ks.containsAlias(label)) {
                if (!replace) {
                    throw new CommandFailure("the label \"" + label + "\" is already used in " + store + " (--replace overwrites it)");
                }
                ks.deleteEntry(label);
            }
        } catch (java.security.KeyStoreException e) {
            throw new CommandFailure("cannot read " + store + ": " + e.getMessage(), e);
        }
    }

    static void putKey(KeyStore ks, String label, PrivateKey key, char[] password, List<X509Certificate> chain) throws CommandFailure {
        try {
            ks.setKeyEntry(label, key, password, chain.toArray(new Certificate[0]));
        } catch (java.security.KeyStoreException e) {
            throw new CommandFailure("cannot add the key \"" + label + "\": " + e.getMessage(), e);
        }
    }

    static void putTrusted(KeyStore ks, String label, X509Certificate cert) throws CommandFailure {
        try {
            ks.setCertificateEntry(label, cert);
        } catch (java.security.KeyStoreException e) {
            throw new CommandFailure("cannot add the certificate \"" + label + "\": " + e.getMessage(), e);
        }
    }

    /** The key entry under a label, or a failure saying what the label is instead. */
    static KeyStore.PrivateKeyEntry key(KeyStore ks, String label, char[] password, Path store) throws CommandFailure {
        try {
            if (!ks.containsAlias(label)) {
                throw new CommandFailure("no entry \"" + label + "\" in " + store + labelsHint(ks));
            }
            if (!ks.isKeyEntry(label)) {
                throw new CommandFailure("\"" + label + "\" in " + store + " is a trusted certificate, not a key entry");
            }
            KeyStore.Entry e = ks.getEntry(label, new KeyStore.PasswordProtection(password));
            if (e instanceof KeyStore.PrivateKeyEntry pk) {
                return pk;
            }
            throw new CommandFailure("\"" + label + "\" in " + store + " is not a private key entry");
        } catch (GeneralSecurityException e) {
            throw new CommandFailure("cannot read the key \"" + label + "\" from " + store + ": " + e.getMessage(), e);
        }
    }

    static List<X509Certificate> chainOf(KeyStore.PrivateKeyEntry entry) {
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : entry.getCertificateChain()) {
            out.add((X509Certificate) c);
        }
        return out;
    }

    /** Whether the store already trusts this exact certificate (under any label). */
    static boolean trusts(KeyStore ks, X509Certificate cert) throws CommandFailure {
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isCertificateEntry(alias) && cert.equals(ks.getCertificate(alias))) {
                    return true;
                }
            }
            return false;
        } catch (java.security.KeyStoreException e) {
            throw new CommandFailure("cannot list entries: " + e.getMessage(), e);
        }
    }

    /** A label not used yet: the wanted one, else wanted-2, wanted-3, ... */
    static String freeLabel(KeyStore ks, String wanted) throws CommandFailure {
        try {
            String label = wanted;
            for (int i = 2; ks.containsAlias(label); i++) {
                label = wanted + "-" + i;
            }
            return label;
        } catch (java.security.KeyStoreException e) {
            throw new CommandFailure("cannot list entries: " + e.getMessage(), e);
        }
    }

    /** The key proves it belongs to the certificate by signing something the certificate's key verifies. */
    static boolean matches(PrivateKey key, X509Certificate cert) {
        try {
            String algorithm = CertMaker.signatureAlgorithm(key);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            byte[] probe = "gsk4j key check".getBytes(StandardCharsets.US_ASCII);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            return "(unavailable)";
        }
    }

    /** The default label the sidecar names, or null. */
    static String sidecarLabel(Path store) {
        try {
            Path file = sidecar(store);
            if (!Files.exists(file)) {
                return null;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() || lines.get(0).isBlank() ? null : lines.get(0).trim();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** One line about a new entry, for the commands that add one. */
    static void describe(PrintWriter out, String what, String label, Path store, X509Certificate cert) {
        out.println(what + " \"" + label + "\" in " + store);
        out.println("  subject  " + cert.getSubjectX500Principal().getName());
        out.println("  issuer   " + cert.getIssuerX500Principal().getName());
        out.println("  valid    " + Explanations.day(cert.getNotBefore().toInstant()) + " to "
                + Explanations.day(cert.getNotAfter().toInstant()));
        out.println("  SHA-256  " + fingerprint(cert));
        out.flush();
    }

    private static String labelsHint(KeyStore ks) {
        try {
            List<String> labels = Collections.list(ks.aliases());
            Collections.sort(labels);
            return labels.isEmpty() ? " (the store is empty)" : " (labels: " + String.join(", ", labels) + ")";
        } catch (java.security.KeyStoreException e) {
            return "";
        }
    }
}
