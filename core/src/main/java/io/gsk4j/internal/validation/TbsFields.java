package io.gsk4j.internal.validation;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1UTCTime;

/**
 * The raw leading fields of a tbsCertificate, read with BouncyCastle's ASN.1 parser: version,
 * serial octets and the two validity times exactly as encoded (the JDK hands them back already
 * converted).
 */
record TbsFields(int version, byte[] serial, Time notBefore, Time notAfter) {

    /** One validity time: its ASN.1 type and its characters as encoded. */
    record Time(Kind kind, String text) {
    }

    /** The ASN.1 type a validity time is encoded as. */
    enum Kind {
        UTC_TIME, GENERALIZED_TIME, OTHER
    }

    /** The tbsCertificate is not DER this reader understands. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    static TbsFields of(X509Certificate cert) throws Malformed {
        ASN1Sequence fields;
        try {
            fields = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(cert.getTBSCertificate()));
        } catch (CertificateEncodingException | IOException | IllegalArgumentException e) {
            throw new Malformed("no tbsCertificate: " + e.getMessage());
        }
        int i = 0;
        int version = 0; // v1 when the [0] field is absent
        if (fields.size() > 0 && isContextZero(fields.getObjectAt(0))) {
            ASN1Encodable inner = ((ASN1TaggedObject) fields.getObjectAt(0)).getExplicitBaseObject();
            if (!(inner instanceof ASN1Integer) || ((ASN1Integer) inner).getValue().bitLength() > 7) {
                throw new Malformed("version is not a small INTEGER");
            }
            version = ((ASN1Integer) inner).intValueExact();
            i = 1;
        }
        if (fields.size() < i + 5) {
            throw new Malformed("tbsCertificate has too few fields");
        }
        ASN1Encodable serial = fields.getObjectAt(i);
        ASN1Encodable validity = fields.getObjectAt(i + 3);
        if (!(serial instanceof ASN1Integer) || !(validity instanceof ASN1Sequence)) {
            throw new Malformed("serial or validity has the wrong type");
        }
        ASN1Sequence times = (ASN1Sequence) validity;
        if (times.size() != 2) {
            throw new Malformed("validity does not hold two times");
        }
        BigInteger serialValue = ((ASN1Integer) serial).getValue();
        return new TbsFields(version, serialValue.toByteArray(), time(times.getObjectAt(0)), time(times.getObjectAt(1)));
    }

    private static boolean isContextZero(ASN1Encodable field) {
        return field instanceof ASN1TaggedObject
                && ((ASN1TaggedObject) field).hasContextTag(0)
                && ((ASN1TaggedObject) field).isExplicit();
    }

    private static Time time(ASN1Encodable value) {
        if (value instanceof ASN1UTCTime) {
            return new Time(Kind.UTC_TIME, value.toString()); // BouncyCastle's toString is the encoded text
        }
        if (value instanceof ASN1GeneralizedTime) {
            return new Time(Kind.GENERALIZED_TIME, ((ASN1GeneralizedTime) value).getTimeString());
        }
        return new Time(Kind.OTHER, "");
    }
}
