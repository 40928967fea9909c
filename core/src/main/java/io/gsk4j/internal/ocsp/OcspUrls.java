package io.gsk4j.internal.ocsp;

import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;

/** Where a certificate says its OCSP responder lives, and its issuer's certificate. */
public final class OcspUrls {

    private OcspUrls() {
    }

    /**
     * The OCSP responder URL from the Authority Information Access extension: the first http://
     * one, else the first of any scheme (so the checker can say why it cannot use it). Empty when
     * there is no AIA, no OCSP entry, or the extension cannot be parsed.
     */
    public static Optional<String> aiaOcspUrl(X509Certificate cert) {
        byte[] wrapped = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (wrapped == null) {
            return Optional.empty();
        }
        try {
            byte[] der = ASN1OctetString.getInstance(wrapped).getOctets();
            AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(ASN1Primitive.fromByteArray(der));
            String first = null;
            for (AccessDescription description : aia.getAccessDescriptions()) {
                String uri = ocspUri(description);
                if (uri == null) {
                    continue;
                }
                if (uri.toLowerCase(Locale.ROOT).startsWith("http://")) {
                    return Optional.of(uri);
                }
                if (first == null) {
                    first = uri;
                }
            }
            return Optional.ofNullable(first);
        } catch (Exception e) { // any parse failure of attacker-supplied DER means "no usable URL"
            return Optional.empty();
        }
    }

    /**
     * Where the certificate says its issuer's certificate can be fetched (AIA caIssuers): the
     * first URI. Empty when there is none or the extension cannot be parsed.
     */
    public static Optional<String> aiaCaIssuersUrl(X509Certificate cert) {
        byte[] wrapped = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (wrapped == null) {
            return Optional.empty();
        }
        try {
            byte[] der = ASN1OctetString.getInstance(wrapped).getOctets();
            AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(ASN1Primitive.fromByteArray(der));
            for (AccessDescription description : aia.getAccessDescriptions()) {
                String uri = uri(description, AccessDescription.id_ad_caIssuers);
                if (uri != null) {
                    return Optional.of(uri);
                }
            }
            return Optional.empty();
        } catch (Exception e) { // any parse failure of attacker-supplied DER means "no usable URL"
            return Optional.empty();
        }
    }

    private static String ocspUri(AccessDescription description) {
        return uri(description, AccessDescription.id_ad_ocsp);
    }

    private static String uri(AccessDescription description, org.bouncycastle.asn1.ASN1ObjectIdentifier method) {
        if (!method.equals(description.getAccessMethod())) {
            return null;
        }
        GeneralName location = description.getAccessLocation();
        if (location.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return null;
        }
        String uri = ASN1IA5String.getInstance(location.getName()).getString().trim();
        return uri.isEmpty() ? null : uri;
    }
}
