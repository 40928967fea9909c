package io.gsk4j.internal.validation;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;

/** Raw access to certificate extensions, decoded with BouncyCastle's ASN.1 parser. */
final class Ext {
    static final String SUBJECT_KEY_ID = "2.5.29.14";
    static final String KEY_USAGE = "2.5.29.15";
    static final String SUBJECT_ALT_NAME = "2.5.29.17";
    static final String ISSUER_ALT_NAME = "2.5.29.18";
    static final String BASIC_CONSTRAINTS = "2.5.29.19";
    static final String NAME_CONSTRAINTS = "2.5.29.30";
    static final String CERTIFICATE_POLICIES = "2.5.29.32";
    static final String POLICY_MAPPINGS = "2.5.29.33";
    static final String AUTHORITY_KEY_ID = "2.5.29.35";
    static final String POLICY_CONSTRAINTS = "2.5.29.36";
    static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    static final String INHIBIT_ANY_POLICY = "2.5.29.54";
    static final String AUTHORITY_INFO_ACCESS = "1.3.6.1.5.5.7.1.1";

    /**
     * Extensions that may be critical: the JDK's PKIX or gsk4j's rules process each of them. A
     * method, not a static set: a static initialiser that runs out of memory would leave the
     * class unusable (see ValidationRules).
     */
    static boolean understood(String oid) {
        switch (oid) {
            case SUBJECT_KEY_ID:
            case KEY_USAGE:
            case SUBJECT_ALT_NAME:
            case BASIC_CONSTRAINTS:
            case NAME_CONSTRAINTS:
            case CERTIFICATE_POLICIES:
            case POLICY_MAPPINGS:
            case AUTHORITY_KEY_ID:
            case POLICY_CONSTRAINTS:
            case EXTENDED_KEY_USAGE:
            case INHIBIT_ANY_POLICY:
            case AUTHORITY_INFO_ACCESS:
                return true;
            default:
                return false;
        }
    }

    /** The extension's value does not decode. */
    static final class Undecodable extends Exception {
        private static final long serialVersionUID = 1L;

        Undecodable(String message) {
            super(message);
        }
    }

    private Ext() {
    }

    static boolean present(X509Certificate c, String oid) {
        return c.getExtensionValue(oid) != null;
    }

    static boolean critical(X509Certificate c, String oid) {
        Set<String> critical = c.getCriticalExtensionOIDs();
        return critical != null && critical.contains(oid);
    }

    /**
     * The extension's value decoded, or null when absent. With {@code exactDer} the value must
     * be the DER encoding of what it decodes to (no BER lengths, no encoded DEFAULTs, sorted SETs).
     */
    static ASN1Primitive decode(X509Certificate c, String oid, boolean exactDer) throws Undecodable {
        byte[] wrapped = c.getExtensionValue(oid);
        if (wrapped == null) {
            return null;
        }
        try {
            byte[] value = ASN1OctetString.getInstance(wrapped).getOctets();
            ASN1Primitive parsed = ASN1Primitive.fromByteArray(value);
            if (exactDer && !Arrays.equals(parsed.getEncoded(ASN1Encoding.DER), value)) {
                throw new Undecodable("not DER-encoded");
            }
            return parsed;
        } catch (IOException | RuntimeException e) {
            throw new Undecodable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
