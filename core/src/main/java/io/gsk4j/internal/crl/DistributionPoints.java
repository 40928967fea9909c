package io.gsk4j.internal.crl;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** The http:// URLs of a certificate's CRL distribution points (RFC 5280 §4.2.1.13), in order. */
final class DistributionPoints {
    private static final String CRL_DISTRIBUTION_POINTS = "2.5.29.31";

    private DistributionPoints() {
    }

    /** Full names only (a name relative to the issuer names no place to fetch from); an undecodable extension gives none. */
    static List<String> httpUrls(X509Certificate c) {
        List<String> out = new ArrayList<>();
        byte[] wrapped = c.getExtensionValue(CRL_DISTRIBUTION_POINTS);
        if (wrapped == null) {
            return out;
        }
        try {
            CRLDistPoint points = CRLDistPoint.getInstance(ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(wrapped).getOctets()));
            for (DistributionPoint p : points.getDistributionPoints()) {
                DistributionPointName name = p.getDistributionPoint();
                if (p.getCRLIssuer() != null || name == null || name.getType() != DistributionPointName.FULL_NAME) {
                    continue; // indirect CRLs are not used
                }
                for (GeneralName g : GeneralNames.getInstance(name.getName()).getNames()) {
                    if (g.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        String url = ((ASN1String) g.getName()).getString();
                        if (url.toLowerCase(Locale.ROOT).startsWith("http://") && !out.contains(url)) {
                            out.add(url);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return out;
    }
}
