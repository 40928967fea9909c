package io.gsk4j;

import io.gsk4j.attr.CertDataId;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.XECKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;

/**
 * What gsk_attribute_get_cert_info returns for one certificate: a list of
 * {@link CertDataElement}s, one per field that is present.
 *
 * <p>IBM does not document the text formats, so these are gsk4j's choices:
 * <ul>
 * <li>CERT_SERIAL_NUMBER: the serial as upper-case hex, whole bytes ("0A1B...").</li>
 * <li>CERT_DN_PRINTABLE / CERT_ISSUER_DN_PRINTABLE: RFC 2253 ("CN=host,O=Example").</li>
 * <li>CERT_VALID_FROM / CERT_VALID_TO: {@code yyyy-MM-dd HH:mm:ss UTC}, e.g. "2026-11-27 08:00:00 UTC".</li>
 * <li>CERT_VALID_FROM_EX / CERT_VALID_TO_EX: ISO-8601 instant, e.g. "2026-11-27T08:00:00Z".</li>
 * <li>CERT_PUBLIC_KEY: Base64 of the SubjectPublicKeyInfo DER; CERT_PUBLIC_KEY_SIZE in bits
 *     (RSA modulus, EC field size, 255 for Ed25519/X25519, 448 for Ed448/X448).</li>
 * <li>CERT_FINGERPRINT: SHA-256 of the DER as upper-case hex pairs joined by ':'.</li>
 * <li>CERT_KEY_USAGE: decimal bit mask with IBM's bit values (digitalSignature 1 ... decipherOnly 256).</li>
 * <li>Subject alternative names: one element per name; IP addresses in the JDK's text form.</li>
 * <li>CERT_BASIC_CONSTRAINTS_CA: "TRUE" or "FALSE".</li>
 * </ul>
 *
 * <p>A field that cannot be parsed is left out rather than failing the whole call: a peer's
 * odd certificate must never turn a successful handshake into an error.
 */
public final class CertificateInfo {
    private static final DateTimeFormatter VALIDITY_TEXT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Subject name attributes in output order; the issuer uses the parallel list below. */
    private static final List<ASN1ObjectIdentifier> NAME_TYPES = List.of(BCStyle.CN, BCStyle.L, BCStyle.ST,
            BCStyle.C, BCStyle.O, BCStyle.OU, BCStyle.POSTAL_CODE, BCStyle.EmailAddress);
    private static final List<CertDataId> SUBJECT_FIELDS = List.of(CertDataId.CERT_COMMON_NAME,
            CertDataId.CERT_LOCALITY, CertDataId.CERT_STATE_OR_PROVINCE, CertDataId.CERT_COUNTRY,
            CertDataId.CERT_ORG, CertDataId.CERT_ORG_UNIT, CertDataId.CERT_POSTAL_CODE, CertDataId.CERT_EMAIL);
    private static final List<CertDataId> ISSUER_FIELDS = List.of(CertDataId.CERT_ISSUER_COMMON_NAME,
            CertDataId.CERT_ISSUER_LOCALITY, CertDataId.CERT_ISSUER_STATE_OR_PROVINCE, CertDataId.CERT_ISSUER_COUNTRY,
            CertDataId.CERT_ISSUER_ORG, CertDataId.CERT_ISSUER_ORG_UNIT, CertDataId.CERT_ISSUER_POSTAL_CODE,
            CertDataId.CERT_ISSUER_EMAIL);

    /** SubjectPublicKeyInfo algorithm OIDs to the names GSKit users expect. */
    private static final Map<String, String> KEY_ALGORITHMS = Map.of(
            "1.2.840.113549.1.1.1", "RSA",
            "1.2.840.113549.1.1.10", "RSASSA-PSS",
            "1.2.840.10045.2.1", "EC",
            "1.2.840.10040.4.1", "DSA",
            "1.3.101.110", "X25519",
            "1.3.101.111", "X448",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448");

    /** Key usage bits in X.509 order; IBM's value for bit i is 1 << i. */
    private static final int KEY_USAGE_BITS = 9;

    private CertificateInfo() {
    }

    /** The cert-info elements of {@code cert}, CERT_BODY_DER first. */
    public static List<CertDataElement> describe(X509Certificate cert) {
        Objects.requireNonNull(cert, "cert");
        Builder out = new Builder();
        byte[] der;
        try {
            der = cert.getEncoded();
        } catch (Exception e) {
            return List.of(); // without the encoding there is nothing trustworthy to describe
        }
        TBSCertificate tbs = tbsOf(der);
        Extensions extensions = tbs == null ? null : tbs.getExtensions();

        out.binary(CertDataId.CERT_BODY_DER, der);
        out.text(CertDataId.CERT_BODY_BASE64, Base64.getEncoder().encodeToString(der));
        out.guard(() -> out.text(CertDataId.CERT_SERIAL_NUMBER, serialText(cert.getSerialNumber())));
        out.guard(() -> name(out, cert.getSubjectX500Principal(), SUBJECT_FIELDS,
                CertDataId.CERT_DN_PRINTABLE, CertDataId.CERT_DN_DER));
        out.guard(() -> name(out, cert.getIssuerX500Principal(), ISSUER_FIELDS,
                CertDataId.CERT_ISSUER_DN_PRINTABLE, CertDataId.CERT_ISSUER_DN_DER));
        out.guard(() -> out.text(CertDataId.CERT_VERSION, Integer.toString(cert.getVersion())));
        out.guard(() -> out.text(CertDataId.CERT_SIGNATURE_ALGORITHM, cert.getSigAlgName()));
        out.guard(() -> validity(out, cert));
        out.guard(() -> publicKey(out, cert, tbs));
        out.guard(() -> fingerprint(out, der));
        out.guard(() -> uniqueIds(out, tbs));
        out.guard(() -> keyUsage(out, cert.getKeyUsage()));
        out.guard(() -> subjectAltNames(out, extensions));
        out.guard(() -> basicConstraints(out, extensions));
        out.guard(() -> policies(out, extensions));
        out.guard(() -> crlDistributionPoints(out, extensions));
        return out.list();
    }

    // ---- the parts ----

    private static TBSCertificate tbsOf(byte[] der) {
        try {
            return org.bouncycastle.asn1.x509.Certificate.getInstance(der).getTBSCertificate();
        } catch (RuntimeException e) {
            return null; // BouncyCastle disagrees with the JDK's parse: fall back to JDK-only fields
        }
    }

    /** Whole bytes, so "0A" rather than "A"; a negative serial (not allowed, but seen) keeps its sign. */
    static String serialText(BigInteger serial) {
        String hex = serial.abs().toString(16).toUpperCase(Locale.ROOT);
        if (hex.length() % 2 != 0) {
            hex = "0" + hex;
        }
        return serial.signum() < 0 ? "-" + hex : hex;
    }

    private static void name(Builder out, X500Principal principal, List<CertDataId> fields,
                             CertDataId printable, CertDataId der) {
        byte[] encoded = principal.getEncoded();
        out.guard(() -> {
            RDN[] rdns = X500Name.getInstance(encoded).getRDNs();
            for (int i = 0; i < NAME_TYPES.size(); i++) {
                for (RDN rdn : rdns) {
                    for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                        if (atv.getType().equals(NAME_TYPES.get(i)) && atv.getValue() instanceof ASN1String s) {
                            out.text(fields.get(i), s.getString());
                        }
                    }
                }
            }
        });
        out.text(printable, principal.getName(X500Principal.RFC2253));
        out.binary(der, encoded);
    }

    private static void validity(Builder out, X509Certificate cert) {
        Instant from = cert.getNotBefore().toInstant();
        Instant to = cert.getNotAfter().toInstant();
        out.text(CertDataId.CERT_VALID_FROM, VALIDITY_TEXT.format(from));
        out.text(CertDataId.CERT_VALID_TO, VALIDITY_TEXT.format(to));
        out.text(CertDataId.CERT_VALID_FROM_EX, from.toString());
        out.text(CertDataId.CERT_VALID_TO_EX, to.toString());
    }

    private static void publicKey(Builder out, X509Certificate cert, TBSCertificate tbs) throws Exception {
        PublicKey key = null;
        try {
            key = cert.getPublicKey();
        } catch (RuntimeException e) {
            // an algorithm the JDK cannot load: the BouncyCastle view still gives OID and bytes
        }
        SubjectPublicKeyInfo spki = tbs != null ? tbs.getSubjectPublicKeyInfo()
                : SubjectPublicKeyInfo.getInstance(key.getEncoded());
        String oid = spki.getAlgorithm().getAlgorithm().getId();
        String algorithm = KEY_ALGORITHMS.getOrDefault(oid, key != null ? key.getAlgorithm() : oid);
        out.text(CertDataId.CERT_PUBLIC_KEY_ALGORITHM, algorithm);
        out.text(CertDataId.CERT_PUBLIC_KEY, Base64.getEncoder().encodeToString(spki.getEncoded()));
        int bits = key == null ? -1 : keyBits(key);
        if (bits > 0) {
            out.text(CertDataId.CERT_PUBLIC_KEY_SIZE, Integer.toString(bits));
        }
    }

    /** The key size users quote: modulus bits for RSA/DSA, field bits for EC, curve size for the Edwards keys. */
    static int keyBits(PublicKey key) {
        if (key instanceof RSAKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        if (key instanceof DSAKey dsa && dsa.getParams() != null) {
            return dsa.getParams().getP().bitLength();
        }
        AlgorithmParameterSpec params = key instanceof EdECKey ed ? ed.getParams()
                : key instanceof XECKey x ? x.getParams() : null;
        if (params instanceof NamedParameterSpec named) {
            String curve = named.getName();
            if (curve.equalsIgnoreCase("Ed25519") || curve.equalsIgnoreCase("X25519")) {
                return 255;
            }
            if (curve.equalsIgnoreCase("Ed448") || curve.equalsIgnoreCase("X448")) {
                return 448;
            }
        }
        return -1;
    }

    private static void fingerprint(Builder out, byte[] der) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
        out.text(CertDataId.CERT_FINGERPRINT_ALGORITHM, "SHA-256");
        out.text(CertDataId.CERT_FINGERPRINT, HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest));
    }

    private static void uniqueIds(Builder out, TBSCertificate tbs) {
        if (tbs == null) {
            return;
        }
        bitString(out, CertDataId.CERT_ISSUER_UNIQUEID, tbs.getIssuerUniqueId());
        bitString(out, CertDataId.CERT_SUBJECT_UNIQUEID, tbs.getSubjectUniqueId());
    }

    private static void bitString(Builder out, CertDataId id, ASN1BitString bits) {
        if (bits != null) {
            out.text(id, HexFormat.of().withUpperCase().formatHex(bits.getBytes()));
        }
    }

    private static void keyUsage(Builder out, boolean[] usage) {
        if (usage == null) {
            return; // no keyUsage extension
        }
        int mask = 0;
        for (int i = 0; i < Math.min(usage.length, KEY_USAGE_BITS); i++) {
            if (usage[i]) {
                mask |= 1 << i;
            }
        }
        out.text(CertDataId.CERT_KEY_USAGE, Integer.toString(mask));
    }

    private static void subjectAltNames(Builder out, Extensions extensions) {
        GeneralNames names = extensions == null ? null
                : GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
        if (names == null) {
            return;
        }
        for (GeneralName name : names.getNames()) {
            out.guard(() -> {
                switch (name.getTagNo()) {
                    case GeneralName.rfc822Name -> out.text(CertDataId.CERT_SUBJECT_ALTERNATIVE_NAME_RFC822NAME, string(name));
                    case GeneralName.dNSName -> out.text(CertDataId.CERT_SUBJECT_ALTERNATIVE_NAME_DNSNAME, string(name));
                    case GeneralName.uniformResourceIdentifier ->
                            out.text(CertDataId.CERT_SUBJECT_ALTERNATIVE_NAME_URI, string(name));
                    case GeneralName.directoryName ->
                            out.text(CertDataId.CERT_SUBJECT_ALTERNATIVE_NAME_DIRECTORYNAME, directoryName(name));
                    case GeneralName.iPAddress -> out.text(CertDataId.CERT_SUBJECT_ALTERNATIVE_NAME_IPADDRESS,
                            InetAddress.getByAddress(ASN1OctetString.getInstance(name.getName()).getOctets()).getHostAddress());
                    default -> {
                        // otherName, x400Address, ediPartyName, registeredID: GSKit has no element for them
                    }
                }
            });
        }
    }

    private static String string(GeneralName name) {
        return ((ASN1String) name.getName()).getString();
    }

    private static String directoryName(GeneralName name) throws Exception {
        return new X500Principal(X500Name.getInstance(name.getName()).getEncoded()).getName(X500Principal.RFC2253);
    }

    private static void basicConstraints(Builder out, Extensions extensions) {
        ASN1Encodable value = extensions == null ? null : extensions.getExtensionParsedValue(Extension.basicConstraints);
        if (value == null) {
            return;
        }
        BasicConstraints bc = BasicConstraints.getInstance(value);
        out.text(CertDataId.CERT_BASIC_CONSTRAINTS_CA, bc.isCA() ? "TRUE" : "FALSE");
        BigInteger pathLength = bc.getPathLenConstraint();
        if (pathLength != null) {
            out.text(CertDataId.CERT_BASIC_CONSTRAINTS_PATH_LENGTH_CONSTRAINT, pathLength.toString());
        }
    }

    private static void policies(Builder out, Extensions extensions) {
        ASN1Encodable value = extensions == null ? null : extensions.getExtensionParsedValue(Extension.certificatePolicies);
        if (value == null) {
            return;
        }
        for (PolicyInformation policy : CertificatePolicies.getInstance(value).getPolicyInformation()) {
            out.text(CertDataId.CERT_CERTIFICATE_POLICY_POLICYIDENTIFIER, policy.getPolicyIdentifier().getId());
        }
    }

    private static void crlDistributionPoints(Builder out, Extensions extensions) {
        ASN1Encodable value = extensions == null ? null : extensions.getExtensionParsedValue(Extension.cRLDistributionPoints);
        if (value == null) {
            return;
        }
        for (DistributionPoint point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
            DistributionPointName dpName = point.getDistributionPoint();
            if (dpName == null || dpName.getType() != DistributionPointName.FULL_NAME) {
                continue; // a name relative to the CRL issuer has no text form of its own
            }
            for (GeneralName name : GeneralNames.getInstance(dpName.getName()).getNames()) {
                out.guard(() -> out.text(CertDataId.CERT_CRL_DISTRIBUTION_POINTS_DISTRIBUTIONPOINTNAME,
                        name.getTagNo() == GeneralName.directoryName ? directoryName(name)
                                : name.getName() instanceof ASN1String s ? s.getString() : name.getName().toString()));
            }
        }
    }

    // ---- collecting ----

    /** A part of the description that may fail on an odd certificate. */
    @FunctionalInterface
    private interface Part {
        void run() throws Exception;
    }

    private static final class Builder {
        private final List<CertDataElement> elements = new ArrayList<>();

        void text(CertDataId id, String text) {
            if (text != null) {
                elements.add(CertDataElement.ofText(id, text));
            }
        }

        void binary(CertDataId id, byte[] bytes) {
            elements.add(new CertDataElement(id, bytes));
        }

        /** Runs one part; if the certificate defeats it, that part's remaining fields are simply absent. */
        void guard(Part part) {
            try {
                part.run();
            } catch (Exception e) {
                // deliberately skipped: see the class comment
            }
        }

        List<CertDataElement> list() {
            return List.copyOf(elements);
        }
    }
}
