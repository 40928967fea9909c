package io.gsk4j.internal.certs;

import java.io.IOException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;

/** Key identifiers for path building; null when absent or undecodable (the rules judge malformed ones). */
final class KeyIds {
    private static final String SKI = "2.5.29.14";
    private static final String AKI = "2.5.29.35";

    private KeyIds() {
    }

    static byte[] subjectKeyId(X509Certificate c) {
        ASN1Primitive v = value(c, SKI);
        try {
            return v == null ? null : ASN1OctetString.getInstance(v).getOctets();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static byte[] authorityKeyId(X509Certificate c) {
        ASN1Primitive v = value(c, AKI);
        try {
            ASN1OctetString id = v == null ? null : AuthorityKeyIdentifier.getInstance(v).getKeyIdentifierObject();
            return id == null ? null : id.getOctets();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static ASN1Primitive value(X509Certificate c, String oid) {
        byte[] wrapped = c.getExtensionValue(oid);
        if (wrapped == null) {
            return null;
        }
        try {
            return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(wrapped).getOctets());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
