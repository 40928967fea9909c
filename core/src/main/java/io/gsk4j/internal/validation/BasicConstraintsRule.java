package io.gsk4j.internal.validation;

import io.gsk4j.ValidationReason;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * Basic constraints and key usage (RFC 5280 §4.2.1.9, §4.2.1.3). Every issuing certificate is
 * a CA: critical basicConstraints with cA=TRUE and a key usage with keyCertSign (critical under
 * STRICT). Path lengths count the non-self-issued intermediates below a CA; a leaf's own path
 * length is ignored, but a path length beside cA=FALSE is malformed. As a leaf, a certificate
 * may not assert keyCertSign without cA, and under STRICT may not be a CA at all.
 */
final class BasicConstraintsRule implements PathRule {
    @Override
    public Violation check(ValidationPath path) {
        if (path.pinned()) {
            return null; // a certificate trusted as itself is not judged as an issuer or a leaf
        }
        Violation v = leaf(path);
        for (int i = 1; v == null && i < path.size(); i++) {
            if (path.caChecked(i)) {
                v = issuer(path, i);
            }
        }
        return v;
    }

    private static Violation leaf(ValidationPath path) {
        X509Certificate c = path.leaf();
        BasicConstraints bc;
        KeyUsage ku;
        try {
            bc = basicConstraints(c);
            ku = keyUsage(c);
        } catch (Ext.Undecodable | RuntimeException e) {
            return Violation.of(ValidationReason.EXTENSION_MALFORMED, c, "basicConstraints or key usage does not decode: " + e.getMessage());
        }
        boolean ca = bc != null && bc.isCA();
        if (bc != null && !ca && bc.getPathLenConstraint() != null) {
            return Violation.of(ValidationReason.PATHLEN_WITHOUT_CA, c, "a path length with cA=FALSE");
        }
        if (ca && path.strict()) {
            return Violation.of(ValidationReason.LEAF_IS_CA, c, "a CA certificate presented as the peer's own certificate");
        }
        if (!ca && ku != null && ku.hasUsages(KeyUsage.keyCertSign)) {
            return Violation.of(ValidationReason.KEY_CERT_SIGN_WITHOUT_CA, c, "key usage keyCertSign without cA=TRUE");
        }
        return null;
    }

    private static Violation issuer(ValidationPath path, int i) {
        X509Certificate c = path.cert(i);
        BasicConstraints bc;
        KeyUsage ku;
        try {
            bc = basicConstraints(c);
            ku = keyUsage(c);
        } catch (Ext.Undecodable | RuntimeException e) {
            return Violation.of(ValidationReason.EXTENSION_MALFORMED, c, "basicConstraints or key usage does not decode: " + e.getMessage());
        }
        if (bc == null || !bc.isCA()) {
            return Violation.of(ValidationReason.ISSUER_NOT_CA, c, bc == null ? "issues certificates without basicConstraints"
                    : "issues certificates with cA=FALSE");
        }
        if (!Ext.critical(c, Ext.BASIC_CONSTRAINTS)) {
            return Violation.of(ValidationReason.CA_BASIC_CONSTRAINTS_NOT_CRITICAL, c, "basicConstraints is not critical");
        }
        if (ku == null && path.contentChecked(i)) {
            // old roots without key usage stay usable under RFC5280: the anchor is trusted input
            return Violation.of(ValidationReason.CA_KEY_USAGE_MISSING, c, "a CA certificate without key usage");
        }
        if (ku != null && !ku.hasUsages(KeyUsage.keyCertSign)) {
            return Violation.of(ValidationReason.ISSUER_CANNOT_SIGN_CERTIFICATES, c, "key usage lacks keyCertSign");
        }
        if (path.strict() && !path.isAnchor(i) && ku != null && !Ext.critical(c, Ext.KEY_USAGE)) {
            return Violation.of(ValidationReason.CA_KEY_USAGE_NOT_CRITICAL, c, "key usage is not critical");
        }
        BigInteger pathLen = bc.getPathLenConstraint();
        if (pathLen != null) {
            int below = intermediatesBelow(path, i);
            if (BigInteger.valueOf(below).compareTo(pathLen) > 0) {
                return Violation.of(ValidationReason.PATHLEN_EXCEEDED, c, "path length " + pathLen + " but "
                        + below + " intermediate CA certificates below it");
            }
        }
        return null;
    }

    /** Non-self-issued CA certificates strictly between the leaf and certificate i. */
    private static int intermediatesBelow(ValidationPath path, int i) {
        int count = 0;
        for (int k = 1; k < i; k++) {
            if (!path.selfIssued(k)) {
                count++;
            }
        }
        return count;
    }

    static BasicConstraints basicConstraints(X509Certificate c) throws Ext.Undecodable {
        ASN1Primitive value = Ext.decode(c, Ext.BASIC_CONSTRAINTS, false);
        return value == null ? null : BasicConstraints.getInstance(value);
    }

    static KeyUsage keyUsage(X509Certificate c) throws Ext.Undecodable {
        ASN1Primitive value = Ext.decode(c, Ext.KEY_USAGE, false);
        return value == null ? null : KeyUsage.getInstance(value);
    }
}
