package io.gsk4j.internal.validation;

import io.gsk4j.ValidationReason;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * The peer's certificate names the expected host, when the policy gives one. An IP literal
 * (strictly parsed) matches iPAddress entries byte for byte, never a DNS name; a DNS name
 * matches dNSName entries. The subject CN is consulted only when the certificate has no
 * subjectAltName at all, and never under STRICT (BR 7.1.2.7.12 puts every name in the SAN).
 */
final class HostnameRule implements PathRule {
    @Override
    public Violation check(ValidationPath path) {
        String expected = path.policy().expectedHostname();
        if (expected == null) {
            return null;
        }
        X509Certificate leaf = path.leaf();
        List<GeneralName> sans;
        try {
            sans = subjectAltNames(leaf);
        } catch (Ext.Undecodable | RuntimeException e) {
            return Violation.of(ValidationReason.MALFORMED_SUBJECT_ALT_NAME, leaf, "subjectAltName does not decode: " + e.getMessage());
        }
        if (IpAddresses.looksLikeAddress(expected)) {
            byte[] address = IpAddresses.parse(expected);
            if (address == null) {
                return Violation.of(ValidationReason.HOSTNAME_INVALID, leaf, "the expected host \"" + expected
                        + "\" is not a plain IPv4 or IPv6 literal");
            }
            for (GeneralName n : sans) {
                if (n.getTagNo() == GeneralName.iPAddress
                        && Arrays.equals(address, ASN1OctetString.getInstance(n.getName()).getOctets())) {
                    return null;
                }
            }
            return mismatch(leaf, expected);
        }
        String reference = HostNames.referenceDns(expected);
        if (reference == null) {
            return Violation.of(ValidationReason.HOSTNAME_INVALID, leaf, "the expected host \"" + expected + "\" is not a valid DNS name");
        }
        for (GeneralName n : sans) {
            if (n.getTagNo() == GeneralName.dNSName && HostNames.matches(GeneralNameSyntax.string(n), reference)) {
                return null;
            }
        }
        boolean noSan = !Ext.present(leaf, Ext.SUBJECT_ALT_NAME);
        if (noSan && !path.strict()) {
            String cn = mostSpecificCn(leaf);
            if (cn != null && HostNames.matches(cn, reference)) {
                return null;
            }
        }
        return mismatch(leaf, expected);
    }

    private static Violation mismatch(X509Certificate leaf, String expected) {
        return Violation.of(ValidationReason.HOSTNAME_MISMATCH, leaf, "does not name the expected host \"" + expected + "\"");
    }

    private static List<GeneralName> subjectAltNames(X509Certificate c) throws Ext.Undecodable {
        List<GeneralName> out = new ArrayList<>();
        ASN1Primitive value = Ext.decode(c, Ext.SUBJECT_ALT_NAME, false);
        if (value != null) {
            for (ASN1Encodable e : ASN1Sequence.getInstance(value)) {
                out.add(GeneralName.getInstance(e));
            }
        }
        return out;
    }

    /** The last CN in the subject's encoded order: the most specific one. */
    private static String mostSpecificCn(X509Certificate c) {
        String cn = null;
        for (RDN rdn : X500Name.getInstance(c.getSubjectX500Principal().getEncoded()).getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (atv.getType().equals(BCStyle.CN) && atv.getValue() instanceof ASN1String s) {
                    cn = s.getString();
                }
            }
        }
        return cn;
    }
}
