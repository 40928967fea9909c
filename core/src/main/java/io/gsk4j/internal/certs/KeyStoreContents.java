package io.gsk4j.internal.certs;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.StoreProblem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PKCS12Attribute;
import java.security.UnrecoverableEntryException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** PKCS#12, JKS and JCEKS stores, read with the JDK's own KeyStore implementations. */
final class KeyStoreContents implements StoreContents {
    private static final String FRIENDLY_NAME_OID = "1.2.840.113549.1.9.20";

    private final KeyStore keyStore;
    private final char[] password;
    private final Path file;
    private final List<String> keyLabels = new ArrayList<>();
    private final List<String> otherLabels = new ArrayList<>();
    private final List<X509Certificate> trusted = new ArrayList<>();

    private KeyStoreContents(KeyStore keyStore, char[] password, Path file) {
        this.keyStore = keyStore;
        this.password = password;
        this.file = file;
    }

    /** The password array is borrowed for the life of this object, not copied. */
    static KeyStoreContents open(StoreFormat format, byte[] content, char[] password, Path file) throws GskException {
        KeyStore keyStore;
        try {
            keyStore = KeyStore.getInstance(format.keyStoreType);
            keyStore.load(new ByteArrayInputStream(content), password);
        } catch (IOException e) {
            if (isWrongPassword(e)) {
                throw new GskException(GskStatus.GSK_ERROR_BAD_KEYFILE_PASSWORD,
                        "wrong password for certificate store " + file, e);
            }
            throw corrupt(format, file, e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw corrupt(format, file, e);
        }
        KeyStoreContents contents = new KeyStoreContents(keyStore, password, file);
        contents.index();
        return contents;
    }

    private void index() throws GskException {
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.entryInstanceOf(alias, KeyStore.PrivateKeyEntry.class)) {
                    keyLabels.add(alias);
                } else {
                    otherLabels.add(alias);
                    if (keyStore.isCertificateEntry(alias) && keyStore.getCertificate(alias) instanceof X509Certificate cert) {
                        trusted.add(cert);
                    }
                }
            }
        } catch (KeyStoreException e) {
            throw new GskException(GskStatus.GSK_KEYRING_OPEN_ERROR, "cannot list entries of " + file, e);
        }
    }

    @Override
    public List<String> keyLabels() {
        return keyLabels;
    }

    @Override
    public List<String> otherLabels() {
        return otherLabels;
    }

    @Override
    public List<X509Certificate> trustedCertificates() {
        return trusted;
    }

    @Override
    public KeyEntry key(String label) throws GskException {
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password);
        try {
            KeyStore.Entry entry = keyStore.getEntry(label, protection);
            if (!(entry instanceof KeyStore.PrivateKeyEntry keyEntry)) {
                throw new GskException(GskStatus.GSK_ERROR_NO_PRIVATE_KEY, "entry " + label + " of " + file + " has no private key");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate cert : keyEntry.getCertificateChain()) {
                if (!(cert instanceof X509Certificate x509)) {
                    throw new GskException(GskStatus.GSK_ERROR_BAD_CERTIFICATE,
                            "entry " + label + " of " + file + " holds a non-X.509 certificate");
                }
                chain.add(x509);
            }
            if (!KeyPairCheck.matches(keyEntry.getPrivateKey(), chain.get(0).getPublicKey())) {
                throw new GskException(GskStatus.GSK_ERROR_BAD_CERTIFICATE,
                        "the certificate of entry " + label + " in " + file + " does not belong to its private key");
            }
            return new KeyEntry(friendlyName(keyEntry, label), keyEntry.getPrivateKey(), chain);
        } catch (UnrecoverableEntryException e) {
            throw new GskException(GskStatus.GSK_ERROR_BAD_KEYFILE_PASSWORD,
                    "the store password does not unlock key " + label + " in " + file, e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new GskException(GskStatus.GSK_KEYRING_OPEN_ERROR, "cannot read key " + label + " from " + file, e);
        } finally {
            try {
                protection.destroy();
            } catch (javax.security.auth.DestroyFailedException ignored) {
                // PasswordProtection clears its copy; failure leaves nothing we could do better
            }
        }
    }

    /** The JDK lower-cases aliases; the PKCS#12 friendlyName attribute keeps the original spelling. */
    private static String friendlyName(KeyStore.PrivateKeyEntry entry, String alias) {
        for (KeyStore.Entry.Attribute attribute : entry.getAttributes()) {
            if (attribute instanceof PKCS12Attribute pkcs12 && FRIENDLY_NAME_OID.equals(pkcs12.getName())
                    && pkcs12.getValue().toLowerCase(Locale.ROOT).equals(alias.toLowerCase(Locale.ROOT))) {
                return pkcs12.getValue();
            }
        }
        return alias;
    }

    /** A wrong store password, as the JDK reports it (types first, then its words: {@code JdkMessages}). */
    public static boolean isWrongPassword(Throwable failure) {
        return io.gsk4j.internal.JdkMessages.wrongStorePassword(failure);
    }

    private static GskException corrupt(StoreFormat format, Path file, Exception cause) {
        return GskException.store(StoreProblem.DAMAGED,
                "certificate store " + file + " is not a readable " + format + " store (damaged or truncated)", cause);
    }
}
