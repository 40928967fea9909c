package io.gsk4j.internal.validation;

import io.gsk4j.ValidationReason;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;

/**
 * STRICT only: the root CA certificate profile of the Baseline Requirements, for a trust anchor
 * that issued the path. No extended key usage (BR 7.1.2.1.2); an AKI, when present, holds only a
 * keyIdentifier, equal to the root's own SKI (BR 7.1.2.1.3).
 */
final class WebPkiRootRule implements PathRule {
    @Override
    public Violation check(ValidationPath path) {
        if (!path.strict() || path.pinned()) {
            return null;
        }
        X509Certificate root = path.cert(path.anchorIndex());
        if (Ext.present(root, Ext.EXTENDED_KEY_USAGE)) {
            return Violation.of(ValidationReason.ROOT_HAS_EKU, root, "a root CA certificate with an extended key usage");
        }
        AuthorityKeyIdentifier aki;
        try {
            ASN1Primitive value = Ext.decode(root, Ext.AUTHORITY_KEY_ID, false);
            if (value == null) {
                return null;
            }
            aki = AuthorityKeyIdentifier.getInstance(value);
        } catch (Ext.Undecodable | RuntimeException e) {
            return Violation.of(ValidationReason.EXTENSION_MALFORMED, root, "the authority key identifier does not decode: " + e.getMessage());
        }
        if (aki.getAuthorityCertIssuer() != null || aki.getAuthorityCertSerialNumber() != null) {
            return Violation.of(ValidationReason.ROOT_AKI_MALFORMED, root, "the root's authority key identifier names an issuer or serial");
        }
        if (aki.getKeyIdentifierObject() == null) {
            return Violation.of(ValidationReason.ROOT_AKI_MALFORMED, root, "the root's authority key identifier has no keyIdentifier");
        }
        byte[] ski = KeyIdentifierRule.keyId(root);
        if (path.selfIssued(path.anchorIndex()) && !Arrays.equals(ski, aki.getKeyIdentifierObject().getOctets())) {
            return Violation.of(ValidationReason.ROOT_AKI_MALFORMED, root, "the root's authority key identifier is not its own subject key identifier");
        }
        return null;
    }
}
