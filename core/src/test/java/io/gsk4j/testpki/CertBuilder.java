package io.gsk4j.testpki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v1CertificateBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Builds odd certificates for validation tests: any subject, key (RSA of any size, DSA, EC,
 * Ed25519), serial, validity encoding, version, extension (present, absent, critical or not,
 * raw bytes) and signature algorithm. Starts from a well-formed CA or server profile (the shape
 * {@link TestPki} issues) so that each test changes exactly one thing. Distinguished names are
 * written in encoding order, root-most RDN first ("O=Example,CN=host").
 */
public final class CertBuilder {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    private static final Map<String, KeyPair> KEY_CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** A certificate with its key pair, able to sign further certificates. */
    public record Issued(X509Certificate cert, KeyPair keys) {
        public PrivateKey key() {
            return keys.getPrivate();
        }
    }

    private X500Name subject;
    private KeyPair keys;
    private Time notBefore;
    private Time notAfter;
    private BigInteger serial;
    private boolean version1;
    private boolean authorityKeyId = true;
    private boolean subjectKeyId = true;
    private String signatureAlgorithm;
    private final Map<ASN1ObjectIdentifier, Object[]> extensions = new LinkedHashMap<>();

    private CertBuilder(String subjectDn) {
        this.subject = new X500Name(BCStyle.INSTANCE, subjectDn);
        Instant now = Instant.now();
        validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        this.serial = new BigInteger(1, randomSerial());
    }

    /** A CA: critical basicConstraints cA=TRUE, critical keyCertSign|cRLSign, SKI, AKI, EC P-256. */
    public static CertBuilder ca(String subjectDn) {
        return new CertBuilder(subjectDn)
                .basicConstraints(true, new BasicConstraints(true))
                .keyUsage(true, KeyUsage.keyCertSign | KeyUsage.cRLSign);
    }

    /** A TLS server: critical cA=FALSE, critical digitalSignature, EKU serverAuth, the given SANs (DNS or IP). */
    public static CertBuilder server(String subjectDn, String... sans) {
        CertBuilder b = new CertBuilder(subjectDn)
                .basicConstraints(true, new BasicConstraints(false))
                .keyUsage(true, KeyUsage.digitalSignature)
                .eku(KeyPurposeId.id_kp_serverAuth);
        return sans.length == 0 ? b : b.sans(sans);
    }

    /** A TLS client: like a server but EKU clientAuth and no SAN. */
    public static CertBuilder client(String subjectDn) {
        return new CertBuilder(subjectDn)
                .basicConstraints(true, new BasicConstraints(false))
                .keyUsage(true, KeyUsage.digitalSignature)
                .eku(KeyPurposeId.id_kp_clientAuth);
    }

    // --- keys ---

    public CertBuilder key(KeyPair pair) {
        this.keys = pair;
        return this;
    }

    public CertBuilder rsa(int bits) {
        return key(cached("RSA", bits));
    }

    public CertBuilder dsa(int bits) {
        return key(cached("DSA", bits));
    }

    public CertBuilder ec() {
        return key(generate("EC", 256));
    }

    public CertBuilder ed25519() {
        return key(generate("Ed25519", 0));
    }

    // --- TBS fields ---

    public CertBuilder subject(String dn) {
        this.subject = new X500Name(BCStyle.INSTANCE, dn);
        return this;
    }

    public CertBuilder validity(Instant from, Instant to) {
        this.notBefore = new Time(Date.from(from));
        this.notAfter = new Time(Date.from(to));
        return this;
    }

    /** Raw validity times, e.g. {@code new Time(new ASN1GeneralizedTime("20300101000000.5Z"))}. */
    public CertBuilder validity(Time from, Time to) {
        this.notBefore = from;
        this.notAfter = to;
        return this;
    }

    public CertBuilder serial(BigInteger value) {
        this.serial = value;
        return this;
    }

    /** An X.509 v1 certificate: no extensions at all. */
    public CertBuilder version1() {
        this.version1 = true;
        return this;
    }

    public CertBuilder signatureAlgorithm(String jcaName) {
        this.signatureAlgorithm = jcaName;
        return this;
    }

    // --- extensions ---

    public CertBuilder extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        extensions.put(oid, new Object[] {critical, value});
        return this;
    }

    /** An extension whose value is exactly these bytes (which need not be valid DER). */
    public CertBuilder rawExtension(ASN1ObjectIdentifier oid, boolean critical, byte[] value) {
        extensions.put(oid, new Object[] {critical, value.clone()});
        return this;
    }

    public CertBuilder without(ASN1ObjectIdentifier oid) {
        extensions.remove(oid);
        if (oid.equals(Extension.authorityKeyIdentifier)) {
            authorityKeyId = false;
        }
        if (oid.equals(Extension.subjectKeyIdentifier)) {
            subjectKeyId = false;
        }
        return this;
    }

    public CertBuilder basicConstraints(boolean critical, BasicConstraints bc) {
        return extension(Extension.basicConstraints, critical, bc);
    }

    public CertBuilder keyUsage(boolean critical, int usage) {
        return extension(Extension.keyUsage, critical, new KeyUsage(usage));
    }

    public CertBuilder eku(KeyPurposeId... purposes) {
        return extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
    }

    /** DNS names and IP literals, as TestPki writes them. */
    public CertBuilder sans(String... names) {
        GeneralName[] out = new GeneralName[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = CertificateMaker.generalName(names[i]);
        }
        return sans(out);
    }

    public CertBuilder sans(GeneralName... names) {
        return extension(Extension.subjectAlternativeName, false, new GeneralNames(names));
    }

    public CertBuilder nameConstraints(GeneralSubtree[] permitted, GeneralSubtree[] excluded) {
        return extension(Extension.nameConstraints, true, new NameConstraints(permitted, excluded));
    }

    // --- signing ---

    public Issued selfSigned() {
        KeyPair own = keys();
        return new Issued(sign(subject, own.getPublic(), own.getPrivate(), null), own);
    }

    public Issued issuedBy(Issued issuer) {
        keys();
        return new Issued(sign(X500Name.getInstance(issuer.cert().getSubjectX500Principal().getEncoded()),
                issuer.cert().getPublicKey(), issuer.key(), issuer.cert()), keys);
    }

    public Issued issuedBy(TestPki.Ca ca) {
        return issuedBy(new Issued(ca.certificate(), new KeyPair(ca.certificate().getPublicKey(), ca.key())));
    }

    private KeyPair keys() {
        if (keys == null) {
            keys = generate("EC", 256);
        }
        return keys;
    }

    private X509Certificate sign(X500Name issuer, PublicKey issuerPublic, PrivateKey issuerKey, X509Certificate issuerCert) {
        try {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
            X509CertificateHolder holder;
            JcaContentSignerBuilder signer = new JcaContentSignerBuilder(
                    signatureAlgorithm != null ? signatureAlgorithm : defaultAlgorithm(issuerKey));
            if (signatureAlgorithm != null && signatureAlgorithm.contains("MGF1")) {
                signer.setProvider(BC); // the JDK has RSASSA-PSS only under its parameterised name
            }
            if (version1) {
                holder = new X509v1CertificateBuilder(issuer, serial, notBefore, notAfter, subject, spki)
                        .build(signer.build(issuerKey));
            } else {
                X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuer, serial, notBefore, notAfter, subject, spki);
                JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
                if (subjectKeyId && !extensions.containsKey(Extension.subjectKeyIdentifier)) {
                    b.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
                }
                if (authorityKeyId && !extensions.containsKey(Extension.authorityKeyIdentifier)) {
                    b.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerPublic));
                }
                for (Map.Entry<ASN1ObjectIdentifier, Object[]> e : extensions.entrySet()) {
                    boolean critical = (Boolean) e.getValue()[0];
                    Object value = e.getValue()[1];
                    byte[] encoded = value instanceof byte[] raw ? raw
                            : ((ASN1Encodable) value).toASN1Primitive().getEncoded(ASN1Encoding.DER);
                    b.addExtension(e.getKey(), critical, encoded);
                }
                holder = b.build(signer.build(issuerKey));
            }
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot build certificate for " + subject, e);
        }
    }

    private static String defaultAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "DSA" -> "SHA256withDSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519" -> "Ed25519"; // the JDK names Ed25519 keys "EdDSA"
            default -> key.getAlgorithm();
        };
    }

    /** RSA and DSA generation is slow: tests share one key per size. */
    private static KeyPair cached(String algorithm, int bits) {
        return KEY_CACHE.computeIfAbsent(algorithm + bits, k -> generate(algorithm, bits));
    }

    private static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                g.initialize(new ECGenParameterSpec("secp256r1"));
            } else if (bits > 0) {
                g.initialize(bits);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate " + algorithm + " " + bits, e);
        }
    }

    private static byte[] randomSerial() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        b[0] = (byte) ((b[0] & 0x7F) | 0x40);
        return b;
    }
}
