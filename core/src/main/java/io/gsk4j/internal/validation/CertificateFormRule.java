package io.gsk4j.internal.validation;

import io.gsk4j.ValidationReason;
import java.security.cert.X509Certificate;

/**
 * Version and serial number (RFC 5280 §4.1.2.1, §4.1.2.2): only v3 certificates act as CAs;
 * serials are at most 20 octets and, below the trust anchor, positive ("MUST be a positive
 * integer"); under STRICT the leaf is v3 too. A trust anchor's serial is not judged for sign:
 * widely trusted roots with serial 0 exist.
 */
final class CertificateFormRule implements PathRule {
    private static final int MAX_SERIAL_OCTETS = 20;

    @Override
    public Violation check(ValidationPath path) {
        for (int i = 0; i < path.size(); i++) {
            if (!path.contentChecked(i)) {
                continue;
            }
            X509Certificate c = path.cert(i);
            TbsFields tbs;
            try {
                tbs = TbsFields.of(c);
            } catch (TbsFields.Malformed e) {
                return Violation.of(ValidationReason.EXTENSION_MALFORMED, c, "the tbsCertificate cannot be read: " + e.getMessage());
            }
            Violation v = version(path, i, c, tbs.version());
            if (v == null) {
                v = serial(path, i, c, tbs.serial());
            }
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Violation version(ValidationPath path, int i, X509Certificate c, int version) {
        if (version == 2) {
            return null;
        }
        boolean issuing = i > 0; // leaf and pinned certificate sign no certificate in this path
        if (issuing) {
            return Violation.of(ValidationReason.CA_NOT_VERSION_3, c, "a version " + (version + 1) + " certificate issues other certificates");
        }
        if (path.strict()) {
            return Violation.of(ValidationReason.NOT_VERSION_3, c, "the certificate is version " + (version + 1));
        }
        return null;
    }

    private static Violation serial(ValidationPath path, int i, X509Certificate c, byte[] octets) {
        if (octets.length > MAX_SERIAL_OCTETS) {
            return Violation.of(ValidationReason.SERIAL_TOO_LONG, c, "the serial number has " + octets.length + " octets");
        }
        // a root in the store is exempt: trusted roots with serial 0 exist (Starfield Root CA G2)
        if (!path.isAnchor(i) && c.getSerialNumber().signum() <= 0) {
            return Violation.of(ValidationReason.SERIAL_NOT_POSITIVE, c, "the serial number is " + c.getSerialNumber());
        }
        return null;
    }
}
