package io.gsk4j.internal.validation;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * STRICT only: the names of a web-PKI subscriber certificate. A subject CN must be a
 * character-for-character copy of a dNSName in the SAN, or an IP address in the SAN written in
 * its one canonical form (BR 7.1.4.3); a SAN beside a non-empty subject is not critical
 * (RFC 5280 §4.2.1.6 "SHOULD", BR 7.1.2.7.12).
 */
final class WebPkiNamesRule implements PathRule {
    @Override
    public Violation check(ValidationPath path) {
        if (!path.strict() || path.pinned() || !path.purposes().equals(EnumSet.of(ValidationPolicy.Purpose.SERVER))) {
            return null; // the Baseline Requirements profile TLS server certificates only
        }
        X509Certificate leaf = path.leaf();
        boolean emptySubject = leaf.getSubjectX500Principal().getEncoded().length <= 2;
        if (!emptySubject && Ext.critical(leaf, Ext.SUBJECT_ALT_NAME)) {
            return Violation.of(ValidationReason.SAN_CRITICAL_WITH_SUBJECT, leaf, "a critical subjectAltName beside a non-empty subject");
        }
        Set<String> allowed = new HashSet<>();
        try {
            ASN1Primitive value = Ext.decode(leaf, Ext.SUBJECT_ALT_NAME, false);
            if (value != null) {
                for (ASN1Encodable e : ASN1Sequence.getInstance(value)) {
                    GeneralName n = GeneralName.getInstance(e);
                    if (n.getTagNo() == GeneralName.dNSName) {
                        allowed.add(GeneralNameSyntax.string(n));
                    } else if (n.getTagNo() == GeneralName.iPAddress) {
                        byte[] a = ASN1OctetString.getInstance(n.getName()).getOctets();
                        if (a.length == 4 || a.length == 16) {
                            allowed.add(IpAddresses.canonicalText(a));
                        }
                    }
                }
            }
        } catch (Ext.Undecodable | RuntimeException e) {
            return null; // ExtensionSyntaxRule reports a SAN that does not decode
        }
        for (String cn : commonNames(leaf)) {
            if (!allowed.contains(cn)) {
                return Violation.of(ValidationReason.CN_NOT_IN_SAN, leaf, "the common name \"" + cn
                        + "\" is not one of the subjectAltName values, written as they are");
            }
        }
        return null;
    }

    private static List<String> commonNames(X509Certificate c) {
        List<String> out = new ArrayList<>();
        for (RDN rdn : X500Name.getInstance(c.getSubjectX500Principal().getEncoded()).getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (atv.getType().equals(BCStyle.CN)) {
                    out.add(atv.getValue() instanceof ASN1String s ? s.getString() : atv.getValue().toString());
                }
            }
        }
        return out;
    }
}
