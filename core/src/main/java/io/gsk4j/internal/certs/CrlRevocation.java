package io.gsk4j.internal.certs;

import io.gsk4j.internal.validation.Violation;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;

/** Placeholder: CRL checking of a built path. */
final class CrlRevocation {
    private CrlRevocation() {
    }

    static Violation check(List<X509Certificate> path, X509Certificate anchor, List<X509CRL> crls, Date now) {
        return null;
    }
}
