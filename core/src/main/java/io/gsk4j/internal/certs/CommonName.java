package io.gsk4j.internal.certs;

import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** The subject CN of a certificate, used as a label when a PEM file carries none. */
final class CommonName {
    private CommonName() {
    }

    /** The first CN, or the whole RFC 2253 subject when there is no CN. */
    static String of(X509Certificate cert) {
        X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        RDN[] cns = subject.getRDNs(BCStyle.CN);
        if (cns.length > 0 && cns[0].getFirst() != null) {
            ASN1Encodable value = cns[0].getFirst().getValue();
            return value instanceof ASN1String text ? text.getString() : IETFUtils.valueToString(value);
        }
        return cert.getSubjectX500Principal().getName();
    }
}
