package io.gsk4j.internal.certs;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.StoreProblem;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * A PEM store as {@code openssl pkcs12 -nodes} prints it, or a plain bundle. Keys and
 * certificates are grouped by position: a key's chain is the certificates that follow it
 * up to the next key or trusted certificate; a certificate that belongs to a key by
 * localKeyID, friendlyName or public key joins that key even when printed before it
 * (OpenSSL prints certificates first). A friendlyName normally marks a trusted entry,
 * except one equal to the certificate's own subject DN (the JDK's name for chain CAs).
 * Certificates outside any key's group are trusted.
 */
final class PemContents implements StoreContents {
    /** JDK providers, so keys and certificates work in JSSE without registering BouncyCastle. */
    private final JcaPEMKeyConverter keyConverter = new JcaPEMKeyConverter();
    private final JcaX509CertificateConverter certificateConverter = new JcaX509CertificateConverter();

    private final Path file;
    private final List<PemKey> keys = new ArrayList<>();
    private final List<String> keyLabels = new ArrayList<>();
    private final List<String> otherLabels = new ArrayList<>();
    private final Set<X509Certificate> trusted = new LinkedHashSet<>();

    private PemContents(Path file) {
        this.file = file;
    }

    /** A key block and what was found for it: its certificates in order, then its label. */
    private static final class PemKey {
        final PemBlock block;
        final PrivateKey key;
        final List<X509Certificate> certificates = new ArrayList<>();
        String label;

        PemKey(PemBlock block, PrivateKey key) {
            this.block = block;
            this.key = key;
        }
    }

    private record PemCertificate(PemBlock block, X509Certificate certificate, boolean trustedBlock) {
        /** OpenSSL's TRUSTED CERTIFICATE block, or the JDK's trusted-entry attribute. */
        boolean explicitlyTrusted() {
            return trustedBlock || block.javaTrusted();
        }
    }

    static PemContents open(byte[] content, StorePassword password, Path file) throws GskException {
        PemContents contents = new PemContents(file);
        List<PemBlock> blocks = PemBlock.scan(new String(content, StandardCharsets.UTF_8));
        List<Object> parsed = new ArrayList<>();
        for (PemBlock block : blocks) {
            Object item = contents.parse(block, password);
            if (item instanceof PrivateKey key) {
                PemKey pemKey = new PemKey(block, key);
                contents.keys.add(pemKey);
                parsed.add(pemKey);
            } else if (item != null) {
                parsed.add(item);
            }
        }
        contents.group(parsed);
        contents.label();
        return contents;
    }

    private Object parse(PemBlock block, StorePassword password) throws GskException {
        if (!block.isKey() && !block.isCertificate()) {
            return null; // CRLs, requests, parameters: not part of a key store
        }
        if (block.text() == null) {
            throw corrupt(block, "has no END line", null);
        }
        Object object;
        try (PEMParser parser = new PEMParser(new StringReader(block.text()))) {
            object = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw corrupt(block, "cannot be parsed", e);
        }
        try {
            if (object instanceof X509CertificateHolder holder) {
                return new PemCertificate(block, certificateConverter.getCertificate(holder), false);
            }
            if (object instanceof X509TrustedCertificateBlock trustedBlock) {
                return new PemCertificate(block, certificateConverter.getCertificate(trustedBlock.getCertificateHolder()), true);
            }
            if (object instanceof PrivateKeyInfo info) {
                return keyConverter.getPrivateKey(info);
            }
            if (object instanceof PEMKeyPair pair) {
                return keyConverter.getPrivateKey(pair.getPrivateKeyInfo()); // SEC1 keys may omit the public half
            }
            if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                return decrypt(block, encrypted, password.require(file));
            }
            if (object instanceof PEMEncryptedKeyPair encrypted) {
                return decrypt(block, encrypted, password.require(file));
            }
        } catch (GskException e) {
            throw e; // no password, or a password that does not decrypt
        } catch (CertificateException | IOException | RuntimeException e) {
            throw corrupt(block, "holds an unusable " + (block.isKey() ? "key" : "certificate"), e);
        }
        throw corrupt(block, "is of an unsupported kind", null);
    }

    private PrivateKey decrypt(PemBlock block, PKCS8EncryptedPrivateKeyInfo encrypted, char[] password) throws GskException {
        PrivateKeyInfo info;
        try {
            info = KeyDecryption.pkcs8(encrypted, password);
        } catch (Exception e) {
            // a wrong password shows up as bad padding or, rarely, as garbage that fails to parse
            throw wrongPassword(block, e);
        }
        try {
            return keyConverter.getPrivateKey(info);
        } catch (IOException | RuntimeException e) {
            throw wrongPassword(block, e);
        }
    }

    private PrivateKey decrypt(PemBlock block, PEMEncryptedKeyPair encrypted, char[] password) throws GskException {
        try {
            PEMKeyPair pair = KeyDecryption.traditional(encrypted, password);
            return keyConverter.getPrivateKey(pair.getPrivateKeyInfo());
        } catch (Exception e) {
            throw wrongPassword(block, e);
        }
    }

    /** Assigns each certificate to a key's group or to the trusted list (see class comment). */
    private void group(List<Object> parsed) {
        PemKey current = null;
        for (Object item : parsed) {
            if (item instanceof PemKey key) {
                current = key;
                continue;
            }
            PemCertificate cert = (PemCertificate) item;
            PemKey owner = cert.explicitlyTrusted() ? null : ownerOf(cert);
            if (owner != null) {
                owner.certificates.add(cert.certificate());
                current = owner;
            } else if (current != null && !cert.explicitlyTrusted()
                    && (cert.block().friendlyName() == null || namedBySubject(cert))) {
                current.certificates.add(cert.certificate());
            } else {
                trusted.add(cert.certificate());
                String name = cert.block().friendlyName();
                otherLabels.add(name != null ? name : CommonName.of(cert.certificate()));
                current = null;
            }
        }
    }

    /**
     * The JDK names the CA certificates of a key's chain by their subject DN; seen after a
     * key, such a name marks a chain member rather than a trusted entry.
     */
    private static boolean namedBySubject(PemCertificate cert) {
        try {
            return new X500Principal(cert.block().friendlyName()).equals(cert.certificate().getSubjectX500Principal());
        } catch (IllegalArgumentException notADistinguishedName) {
            return false;
        }
    }

    private PemKey ownerOf(PemCertificate cert) {
        PemBlock block = cert.block();
        for (PemKey key : keys) {
            if (block.localKeyId() != null && block.localKeyId().equals(key.block.localKeyId())) {
                return key;
            }
        }
        for (PemKey key : keys) {
            if (block.friendlyName() != null && block.friendlyName().equals(key.block.friendlyName())) {
                return key;
            }
        }
        for (PemKey key : keys) {
            if (KeyPairCheck.matches(key.key, cert.certificate().getPublicKey())) {
                return key;
            }
        }
        return null;
    }

    /** friendlyName, else the leaf's CN, else the first certificate's CN, else "key-N". */
    private void label() {
        int ordinal = 0;
        for (PemKey key : keys) {
            ordinal++;
            String label = key.block.friendlyName();
            if (label == null) {
                X509Certificate leaf = leaf(key);
                if (leaf == null && !key.certificates.isEmpty()) {
                    leaf = key.certificates.get(0);
                }
                label = leaf == null ? null : CommonName.of(leaf);
            }
            key.label = label == null ? "key-" + ordinal : label;
            keyLabels.add(key.label);
        }
    }

    private static X509Certificate leaf(PemKey key) {
        for (X509Certificate cert : key.certificates) {
            if (KeyPairCheck.matches(key.key, cert.getPublicKey())) {
                return cert;
            }
        }
        return null;
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
        return List.copyOf(trusted);
    }

    @Override
    public KeyEntry key(String label) throws GskException {
        PemKey key = keys.get(keyLabels.indexOf(label));
        X509Certificate leaf = leaf(key);
        if (leaf == null) {
            throw new GskException(GskStatus.GSK_ERROR_BAD_CERTIFICATE, key.certificates.isEmpty()
                    ? "key " + label + " in " + file + " has no certificate"
                    : "no certificate after key " + label + " in " + file + " matches that key");
        }
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        for (X509Certificate cert : key.certificates) {
            if (cert != leaf) {
                chain.add(cert);
            }
        }
        return new KeyEntry(label, key.key, chain);
    }

    private GskException corrupt(PemBlock block, String problem, Throwable cause) {
        return GskException.store(StoreProblem.DAMAGED,
                "PEM block " + block.ordinal() + " (" + block.type() + ") of " + file + " " + problem, cause);
    }

    private GskException wrongPassword(PemBlock block, Throwable cause) {
        return new GskException(GskStatus.GSK_ERROR_BAD_KEYFILE_PASSWORD,
                "the password does not decrypt PEM block " + block.ordinal() + " (" + block.type() + ") of " + file, cause);
    }
}
