package io.gsk4j.internal.validation;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
 * The names one certificate claims, by form, as name constraints see them (RFC 5280
 * §4.2.1.10): its subject DN, its subjectAltName entries, e-mail addresses in the subject, and
 * for a leaf without DNS or IP alternative names, its common names that look like host names
 * or addresses (software that falls back to the CN would use them as names).
 */
final class CertNames {
    final List<String> dns = new ArrayList<>();
    final List<byte[]> ip = new ArrayList<>();
    final List<String> email = new ArrayList<>();
    final List<List<String>> directory = new ArrayList<>();
    final Set<Integer> otherForms = new TreeSet<>();

    int size() {
        return dns.size() + ip.size() + email.size() + directory.size() + otherForms.size();
    }

    static CertNames of(X509Certificate c, boolean leaf) throws Ext.Undecodable {
        CertNames out = new CertNames();
        X500Name subject = X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
        try {
            if (subject.getRDNs().length > 0) {
                out.directory.add(DirectoryNames.rdns(subject));
            }
        } catch (IOException e) {
            throw new Ext.Undecodable("subject: " + e.getMessage());
        }
        for (String mail : values(subject, BCStyle.EmailAddress)) {
            out.email.add(mail);
        }
        ASN1Primitive san = Ext.decode(c, Ext.SUBJECT_ALT_NAME, false);
        if (san != null) {
            try {
                for (ASN1Encodable e : ASN1Sequence.getInstance(san)) {
                    out.add(GeneralName.getInstance(e));
                }
            } catch (IOException | RuntimeException e) {
                throw new Ext.Undecodable("subjectAltName: " + e.getMessage());
            }
        }
        if (leaf && out.dns.isEmpty() && out.ip.isEmpty()) {
            for (String cn : values(subject, BCStyle.CN)) {
                byte[] address = IpAddresses.parse(cn);
                if (address != null) {
                    out.ip.add(address);
                } else if (DnsNames.validPresented(cn, true, true)) {
                    out.dns.add(DnsNames.lower(cn));
                }
            }
        }
        return out;
    }

    private void add(GeneralName name) throws IOException {
        switch (name.getTagNo()) {
            case GeneralName.dNSName -> dns.add(DnsNames.lower(GeneralNameSyntax.string(name)));
            case GeneralName.iPAddress -> ip.add(ASN1OctetString.getInstance(name.getName()).getOctets());
            case GeneralName.rfc822Name -> email.add(GeneralNameSyntax.string(name));
            case GeneralName.directoryName -> directory.add(DirectoryNames.rdns(X500Name.getInstance(name.getName())));
            default -> otherForms.add(name.getTagNo());
        }
    }

    private static List<String> values(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        List<String> out = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (atv.getType().equals(type) && atv.getValue() instanceof ASN1String s) {
                    out.add(s.getString());
                }
            }
        }
        return out;
    }
}
