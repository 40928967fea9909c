package io.gsk4j.internal.validation;

import java.security.cert.X509Certificate;

/**
 * Version and serial number (RFC 5280 §4.1.2.1, §4.1.2.2): only v3 certificates act as CAs;
 * serials are at most 20 octets; under STRICT they are positive and the leaf is v3 too.
 * (RFC 5280 asks relying parties to tolerate zero and negative serials, so only STRICT refuses them.)
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
            } catch (Der.Malformed e) {
                return Violation.of(ValidationReason.EXTENSION_MALFORMED, c, "the tbsCertificate cannot be read: " + e.getMessage());
            }
            Violation v = version(path, i, c, tbs.version());
            if (v == null) {
                v = serial(path, c, tbs.serial());
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

    private static Violation serial(ValidationPath path, X509Certificate c, byte[] octets) {
        if (octets.length > MAX_SERIAL_OCTETS) {
            return Violation.of(ValidationReason.SERIAL_TOO_LONG, c, "the serial number has " + octets.length + " octets");
        }
        if (path.strict() && c.getSerialNumber().signum() <= 0) {
            return Violation.of(ValidationReason.SERIAL_NOT_POSITIVE, c, "the serial number is " + c.getSerialNumber());
        }
        return null;
    }
}
