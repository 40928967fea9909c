package io.gsk4j.internal.certs;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * BouncyCastle's RFC 5280 path validator, asked only when the JDK's PKIX refused a path for no
 * signature or algorithm reason after gsk4j's own rules accepted it. The JDK applies a CA's
 * dNSName constraints to the subject CN of an intermediate without a SAN, which RFC 5280
 * §4.2.1.10 does not ask (x509-limbo rfc5280::nc::nc-forbids-alternate-chain-ica); the rest of
 * what the JDK still judges there — certificate-policy processing — BouncyCastle judges too, so
 * a path both accept is accepted. The provider is used directly, never registered.
 */
final class SecondOpinion {
    private static final Provider BC = new BouncyCastleProvider();

    private SecondOpinion() {
    }

    static boolean accepts(List<X509Certificate> path, X509Certificate anchor, Date now) {
        try {
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            params.setRevocationEnabled(false);
            params.setDate(now);
            CertPathValidator.getInstance("PKIX", BC).validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
