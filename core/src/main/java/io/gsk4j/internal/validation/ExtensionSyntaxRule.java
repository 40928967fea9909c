package io.gsk4j.internal.validation;

import io.gsk4j.ValidationReason;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * subjectAltName (RFC 5280 §4.2.1.6) and authorityInfoAccess (§4.2.2.1) must decode, hold at
 * least one entry, and every name in them must be well-formed (a dNSName in the preferred name
 * syntax of RFC 1034, so no underscores); AIA must not be critical. Under STRICT the values must
 * also be exact DER.
 */
final class ExtensionSyntaxRule implements PathRule {
    @Override
    public Violation check(ValidationPath path) {
        for (int i = 0; i < path.size(); i++) {
            if (!path.contentChecked(i)) {
                continue;
            }
            Violation v = subjectAltName(path, i);
            if (v == null) {
                v = authorityInfoAccess(path, path.cert(i));
            }
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Violation subjectAltName(ValidationPath path, int i) {
        X509Certificate c = path.cert(i);
        ValidationReason rule = ValidationReason.MALFORMED_SUBJECT_ALT_NAME;
        try {
            ASN1Primitive value = Ext.decode(c, Ext.SUBJECT_ALT_NAME, path.strict());
            if (value == null) {
                return null;
            }
            ASN1Sequence names = ASN1Sequence.getInstance(value);
            if (names.size() == 0) {
                return Violation.of(rule, c, "subjectAltName is empty");
            }
            for (int k = 0; k < names.size(); k++) {
                String problem = GeneralNameSyntax.problem(GeneralName.getInstance(names.getObjectAt(k)), i == 0, false);
                if (problem != null) {
                    return Violation.of(rule, c, "subjectAltName holds a malformed " + problem);
                }
            }
            return null;
        } catch (Ext.Undecodable | RuntimeException e) {
            return Violation.of(rule, c, "subjectAltName does not decode: " + e.getMessage());
        }
    }

    private static Violation authorityInfoAccess(ValidationPath path, X509Certificate c) {
        ValidationReason rule = ValidationReason.MALFORMED_AUTHORITY_INFO_ACCESS;
        try {
            ASN1Primitive value = Ext.decode(c, Ext.AUTHORITY_INFO_ACCESS, path.strict());
            if (value == null) {
                return null;
            }
            if (Ext.critical(c, Ext.AUTHORITY_INFO_ACCESS)) {
                return Violation.of(rule, c, "authorityInfoAccess is marked critical");
            }
            ASN1Sequence entries = ASN1Sequence.getInstance(value);
            if (entries.size() == 0) {
                return Violation.of(rule, c, "authorityInfoAccess is empty");
            }
            for (int k = 0; k < entries.size(); k++) {
                AccessDescription d = AccessDescription.getInstance(entries.getObjectAt(k));
                String problem = GeneralNameSyntax.problem(d.getAccessLocation(), false, true);
                if (problem != null) {
                    return Violation.of(rule, c, "authorityInfoAccess holds a malformed " + problem);
                }
            }
            return null;
        } catch (Ext.Undecodable | RuntimeException e) {
            return Violation.of(rule, c, "authorityInfoAccess does not decode: " + e.getMessage());
        }
    }
}
