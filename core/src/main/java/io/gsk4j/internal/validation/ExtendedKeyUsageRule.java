package io.gsk4j.internal.validation;

import io.gsk4j.ValidationReason;
import io.gsk4j.internal.validation.ValidationPolicy.Purpose;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * Extended key usage. The peer's certificate must allow the purpose asked for (serverAuth or
 * clientAuth). STRICT (BR 7.1.2.7.10): the extension must be present and must not say
 * anyExtendedKeyUsage; an EKU in an intermediate or the root constrains the path (it must
 * include the purpose or anyExtendedKeyUsage). RFC 5280 §4.2.1.12: an absent EKU allows any
 * purpose, anyExtendedKeyUsage counts, and CA certificates' EKUs are not processed.
 * A pinned certificate is judged like the RFC 5280 leaf: trusting it was a deliberate choice.
 */
final class ExtendedKeyUsageRule implements PathRule {
    static final String ANY = "2.5.29.37.0";

    @Override
    public Violation check(ValidationPath path) {
        Violation v = leaf(path);
        if (path.strict() && !path.pinned()) {
            for (int i = 1; v == null && i < path.size(); i++) {
                v = issuer(path, i);
            }
        }
        return v;
    }

    private static Violation leaf(ValidationPath path) {
        X509Certificate c = path.leaf();
        List<String> eku;
        try {
            eku = purposes(c);
        } catch (Ext.Undecodable | RuntimeException e) {
            return Violation.of(ValidationReason.EXTENSION_MALFORMED, c, "extended key usage does not decode: " + e.getMessage());
        }
        boolean strictLeaf = path.strict() && !path.pinned();
        if (eku == null) {
            return strictLeaf ? Violation.of(ValidationReason.EKU_MISSING, c, "no extended key usage") : null;
        }
        if (strictLeaf && Ext.critical(c, Ext.EXTENDED_KEY_USAGE)) {
            return Violation.of(ValidationReason.EKU_CRITICAL, c, "extended key usage is critical");
        }
        if (strictLeaf && eku.contains(ANY)) {
            return Violation.of(ValidationReason.EKU_ANY_IN_LEAF, c, "extended key usage includes anyExtendedKeyUsage");
        }
        if (allows(path, eku) || (!strictLeaf && eku.contains(ANY))) {
            return null;
        }
        return Violation.of(ValidationReason.EKU_PURPOSE_NOT_ALLOWED, c, "extended key usage " + eku + " lacks " + wanted(path));
    }

    private static Violation issuer(ValidationPath path, int i) {
        X509Certificate c = path.cert(i);
        List<String> eku;
        try {
            eku = purposes(c);
        } catch (Ext.Undecodable | RuntimeException e) {
            return Violation.of(ValidationReason.EXTENSION_MALFORMED, c, "extended key usage does not decode: " + e.getMessage());
        }
        if (eku == null || eku.contains(ANY) || allows(path, eku)) {
            return null;
        }
        return Violation.of(ValidationReason.CA_EKU_EXCLUDES_PURPOSE, c, "a CA whose extended key usage " + eku + " lacks " + wanted(path));
    }

    private static boolean allows(ValidationPath path, List<String> eku) {
        for (Purpose p : path.purposes()) {
            if (eku.contains(p.ekuOid())) {
                return true;
            }
        }
        return false;
    }

    private static String wanted(ValidationPath path) {
        List<String> names = new ArrayList<>();
        for (Purpose p : path.purposes()) {
            names.add(p == Purpose.SERVER ? "serverAuth" : "clientAuth");
        }
        return String.join(" or ", names);
    }

    /** The EKU OIDs, or null when the extension is absent. */
    static List<String> purposes(X509Certificate c) throws Ext.Undecodable {
        ASN1Primitive value = Ext.decode(c, Ext.EXTENDED_KEY_USAGE, false);
        if (value == null) {
            return null;
        }
        ASN1Sequence seq = ASN1Sequence.getInstance(value);
        if (seq.size() == 0) {
            throw new Ext.Undecodable("empty extended key usage");
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < seq.size(); k++) {
            out.add(ASN1ObjectIdentifier.getInstance(seq.getObjectAt(k)).getId());
        }
        return out;
    }
}
