package io.gsk4j.internal.validation;

import io.gsk4j.ValidationReason;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;

/**
 * STRICT only (BR 7.1.3.2): no certificate below the anchor signed with SHA-1 or MD5 (or MD2),
 * RSASSA-PSS with a SHA-1 hash included. The anchor's own self-signature proves nothing and is
 * not judged.
 */
final class SignatureAlgorithmRule implements PathRule {
    private static final String RSASSA_PSS = "1.2.840.113549.1.1.10";

    /**
     * The weak algorithm an OID names, or null. A switch, not a static map: a static initialiser
     * that runs out of memory would leave the class unusable (see ValidationRules).
     */
    private static String weak(String oid) {
        switch (oid == null ? "" : oid) {
            case "1.2.840.113549.1.1.5":
                return "SHA1withRSA";
            case "1.3.14.3.2.29":
                return "SHA1withRSA (OIW)";
            case "1.2.840.10045.4.1":
                return "SHA1withECDSA";
            case "1.2.840.10040.4.3":
                return "SHA1withDSA";
            case "1.2.840.113549.1.1.4":
                return "MD5withRSA";
            case "1.2.840.113549.1.1.2":
                return "MD2withRSA";
            default:
                return null;
        }
    }

    @Override
    public Violation check(ValidationPath path) {
        for (int i = 0; i < path.anchorIndex(); i++) {
            X509Certificate c = path.cert(i);
            String oid = c.getSigAlgOID();
            String weak = weak(oid);
            if (weak == null && RSASSA_PSS.equals(oid) && pssWithSha1(c.getSigAlgParams())) {
                weak = "RSASSA-PSS with SHA-1";
            }
            if (weak != null) {
                return Violation.of(ValidationReason.WEAK_SIGNATURE_ALGORITHM, c, "signed with " + weak);
            }
        }
        return null;
    }

    /** PSS parameters name SHA-1 (also their DEFAULT when absent). */
    private static boolean pssWithSha1(byte[] params) {
        if (params == null) {
            return true;
        }
        try {
            RSASSAPSSparams p = RSASSAPSSparams.getInstance(ASN1Primitive.fromByteArray(params));
            return p.getHashAlgorithm().getAlgorithm().equals(OIWObjectIdentifiers.idSHA1);
        } catch (java.io.IOException | RuntimeException e) {
            return true; // unreadable parameters: the JDK would not have verified the signature either
        }
    }
}
