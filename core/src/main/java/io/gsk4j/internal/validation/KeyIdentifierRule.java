package io.gsk4j.internal.validation;

import io.gsk4j.ValidationReason;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;

/**
 * Key identifiers (RFC 5280 §4.2.1.1, §4.2.1.2): every certificate below the anchor carries a
 * non-critical AKI that agrees with its issuer (key identifier and, when given, serial); every
 * CA certificate carries a non-critical SKI. STRICT wants the AKI's keyIdentifier (BR 7.1.2.11.1).
 */
final class KeyIdentifierRule implements PathRule {
    @Override
    public Violation check(ValidationPath path) {
        for (int i = 0; i < path.size(); i++) {
            Violation v = subjectKeyId(path, i);
            // a v1/v2 certificate cannot carry extensions; CertificateFormRule decides whether it may appear at all
            if (v == null && !path.isAnchor(i) && path.cert(i).getVersion() == 3) {
                v = authorityKeyId(path, i);
            } else if (v == null && path.isAnchor(i) && !path.pinned() && path.caChecked(i)) {
                v = anchorAuthorityKeyId(path, i);
            }
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Violation subjectKeyId(ValidationPath path, int i) {
        X509Certificate c = path.cert(i);
        if (!path.caChecked(i)) {
            return null;
        }
        boolean present = Ext.present(c, Ext.SUBJECT_KEY_ID);
        if (present && Ext.critical(c, Ext.SUBJECT_KEY_ID)) {
            return Violation.of(ValidationReason.SKI_CRITICAL, c, "the subject key identifier is critical");
        }
        boolean issuing = i > 0;
        if (issuing && !present) {
            return Violation.of(ValidationReason.SKI_MISSING, c, "a CA certificate without subject key identifier");
        }
        if (present && path.keyId(i) == null) {
            return Violation.of(ValidationReason.EXTENSION_MALFORMED, c, "the subject key identifier does not decode");
        }
        return null;
    }

    private static Violation authorityKeyId(ValidationPath path, int i) {
        X509Certificate c = path.cert(i);
        X509Certificate issuer = path.cert(i + 1);
        AuthorityKeyIdentifier aki;
        try {
            ASN1Primitive value = Ext.decode(c, Ext.AUTHORITY_KEY_ID, false);
            if (value == null) {
                return Violation.of(ValidationReason.AKI_MISSING, c, "no authority key identifier");
            }
            aki = AuthorityKeyIdentifier.getInstance(value);
        } catch (Ext.Undecodable | RuntimeException e) {
            return Violation.of(ValidationReason.EXTENSION_MALFORMED, c, "the authority key identifier does not decode: " + e.getMessage());
        }
        if (Ext.critical(c, Ext.AUTHORITY_KEY_ID)) {
            return Violation.of(ValidationReason.AKI_CRITICAL, c, "the authority key identifier is critical");
        }
        byte[] wanted = aki.getKeyIdentifierObject() == null ? null : aki.getKeyIdentifierObject().getOctets();
        if (wanted == null && path.strict()) {
            return Violation.of(ValidationReason.AKI_WITHOUT_KEY_ID, c, "the authority key identifier has no keyIdentifier");
        }
        byte[] has = path.keyId(i + 1);
        if (wanted != null && has != null && !Arrays.equals(wanted, has)) {
            return Violation.of(ValidationReason.KEY_IDS_DONT_MATCH, c, "its authority key identifier " + hex(wanted)
                    + " is not the subject key identifier " + hex(has) + " of its issuer " + Violation.subject(issuer));
        }
        BigInteger serial = aki.getAuthorityCertSerialNumber();
        if (serial != null && !serial.equals(issuer.getSerialNumber())) {
            return Violation.of(ValidationReason.AKI_SERIAL_MISMATCH, c, "its authority key identifier names serial "
                    + serial.toString(16) + ", its issuer has " + issuer.getSerialNumber().toString(16));
        }
        return null;
    }

    /**
     * The anchor's own AKI, where there is no issuer to compare it with: never critical (RFC 5280 §4.2.1.1).
     */
    private static Violation anchorAuthorityKeyId(ValidationPath path, int i) {
        X509Certificate c = path.cert(i);
        // no AKI on a cross-signed root is fine: the store vouches for it (x509-limbo cve::cve-2024-0567)
        if (Ext.present(c, Ext.AUTHORITY_KEY_ID) && Ext.critical(c, Ext.AUTHORITY_KEY_ID)) {
            return Violation.of(ValidationReason.AKI_CRITICAL, c, "the authority key identifier is critical");
        }
        return null;
    }

    /** The subject key identifier's octets, or null when absent or undecodable. */
    static byte[] keyId(X509Certificate c) {
        try {
            ASN1Primitive value = Ext.decode(c, Ext.SUBJECT_KEY_ID, false);
            return value == null ? null : ASN1OctetString.getInstance(value).getOctets();
        } catch (Ext.Undecodable | RuntimeException e) {
            return null;
        }
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x & 0xFF));
        }
        return s.toString();
    }
}
