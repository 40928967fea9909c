package io.gsk4j.internal.validation;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The raw leading fields of a tbsCertificate: version, serial octets and the two validity
 * times exactly as encoded (the JDK hands them back already converted).
 */
record TbsFields(int version, byte[] serial, Der.Tlv notBefore, Der.Tlv notAfter) {

    static TbsFields of(X509Certificate cert) throws Der.Malformed {
        byte[] tbs;
        try {
            tbs = cert.getTBSCertificate();
        } catch (CertificateEncodingException e) {
            throw new Der.Malformed("no tbsCertificate: " + e.getMessage());
        }
        Der.Tlv outer = Der.read(tbs, 0, tbs.length);
        if (outer.tag() != Der.SEQUENCE) {
            throw new Der.Malformed("tbsCertificate is not a SEQUENCE");
        }
        List<Der.Tlv> fields = outer.children();
        int i = 0;
        int version = 0; // v1 when the [0] field is absent
        if (!fields.isEmpty() && fields.get(0).tag() == Der.CONTEXT_0) {
            Der.Tlv inner = Der.read(tbs, fields.get(0).start(), fields.get(0).end());
            byte[] v = inner.value();
            if (inner.tag() != Der.INTEGER || v.length != 1) {
                throw new Der.Malformed("version is not a small INTEGER");
            }
            version = v[0];
            i = 1;
        }
        if (fields.size() < i + 5) {
            throw new Der.Malformed("tbsCertificate has too few fields");
        }
        Der.Tlv serial = fields.get(i);
        Der.Tlv validity = fields.get(i + 3);
        if (serial.tag() != Der.INTEGER || validity.tag() != Der.SEQUENCE) {
            throw new Der.Malformed("serial or validity has the wrong type");
        }
        List<Der.Tlv> times = validity.children();
        if (times.size() != 2) {
            throw new Der.Malformed("validity does not hold two times");
        }
        return new TbsFields(version, serial.value(), times.get(0), times.get(1));
    }
}
