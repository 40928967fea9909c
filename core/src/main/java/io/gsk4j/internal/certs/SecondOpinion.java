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
 * Asked when the JDK's PKIX refused a path for no signature or algorithm reason after gsk4j's
 * own rules (name constraints among them) accepted it. The JDK applies a CA's dNSName
 * constraints to the subject CN of an intermediate without SAN, which RFC 5280 §4.2.1.10 does
 * not ask (x509-limbo rfc5280::nc::nc-forbids-alternate-chain-ica). The path passes when
 *
 * <ul>
 *   <li>the JDK accepts it with name constraints out of its way: each stretch of the path below
 *       a CA that carries them validated with that CA as the anchor (the JDK ignores an anchor
 *       certificate's constraints), so everything else the JDK judges — its blocked
 *       certificates, disabled algorithms, basic constraints — is still judged on every
 *       certificate; a path without such a CA is never overturned; and</li>
 *   <li>BouncyCastle's RFC 5280 validator accepts the whole path, for what splitting loses:
 *       certificate-policy processing across the stretches.</li>
 * </ul>
 * The BouncyCastle provider is used directly, never registered.
 */
final class SecondOpinion {
    private static final Provider BC = new BouncyCastleProvider();
    private static final String NAME_CONSTRAINTS = "2.5.29.30";

    private SecondOpinion() {
    }

    /** @param path the peer's certificate first, without the anchor */
    static boolean accepts(List<X509Certificate> path, X509Certificate anchor, Date now) {
        int start = 0;
        boolean split = false;
        for (int i = 1; i < path.size(); i++) {
            if (path.get(i).getExtensionValue(NAME_CONSTRAINTS) != null) {
                if (!valid(path.subList(start, i), path.get(i), now, null)) {
                    return false;
                }
                start = i;
                split = true;
            }
        }
        return split && valid(path.subList(start, path.size()), anchor, now, null) && valid(path, anchor, now, BC);
    }

    /** @param provider null for the JDK's own validator */
    private static boolean valid(List<X509Certificate> path, X509Certificate anchor, Date now, Provider provider) {
        try {
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            params.setRevocationEnabled(false);
            params.setDate(now);
            CertPathValidator validator = provider == null ? CertPathValidator.getInstance("PKIX")
                    : CertPathValidator.getInstance("PKIX", provider);
            validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
