package io.gsk4j.internal.certs;

import io.gsk4j.GskStatus;
import io.gsk4j.internal.validation.ValidationPolicy;
import io.gsk4j.internal.validation.ValidationPolicy.Purpose;
import io.gsk4j.internal.validation.ValidationRules;
import io.gsk4j.internal.validation.Violation;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a peer's chain is trusted, and if not, exactly why.
 *
 * <p>The order of the questions gives each refusal one precise status: does the chain reach a
 * certificate the store trusts ({@code GSK_IBMI_ERROR_NOT_TRUSTED_ROOT})? do the signatures
 * along it hold ({@code GSK_ERROR_BAD_CERTIFICATE})? is every certificate, the anchor
 * included, inside its validity period ({@code GSK_KEYFILE_CERT_EXPIRED})? does the path keep
 * the rules of the policy's profile ({@link ValidationRules}, each refusal a named
 * {@link io.gsk4j.internal.validation.ValidationReason})? does the JDK's PKIX algorithm accept
 * the path ({@code GSK_ERROR_CERT_VALIDATION})?
 */
public final class ChainValidator {
    /** Certificates of a presented chain looked at: enough for any real chain, and a bound on the work. */
    private static final int MAX_PRESENTED = ValidationPolicy.DEPTH_LIMIT + 1;

    private final List<X509Certificate> anchors;
    private final Set<TrustAnchor> trustAnchors;

    public ChainValidator(List<X509Certificate> trusted) {
        this.anchors = List.copyOf(trusted);
        Set<TrustAnchor> set = new HashSet<>();
        for (X509Certificate c : trusted) {
            set.add(new TrustAnchor(c, null));
        }
        this.trustAnchors = Set.copyOf(set);
    }

    public List<X509Certificate> anchors() {
        return anchors;
    }

    /**
     * The STRICT defaults (depth 10, no host name). This variant does not know which side of
     * TLS the chain came from, so it accepts a peer certificate good for serverAuth or for
     * clientAuth; callers that know pass a policy.
     */
    public ChainVerdict validate(X509Certificate[] chain, Date now) {
        return validate(chain, now, ValidationPolicy.defaults(Purpose.SERVER), EnumSet.allOf(Purpose.class));
    }

    public ChainVerdict validate(X509Certificate[] chain, Date now, ValidationPolicy policy) {
        return validate(chain, now, policy, EnumSet.of(policy.purpose()));
    }

    private ChainVerdict validate(X509Certificate[] presented, Date now, ValidationPolicy policy, Set<Purpose> purposes) {
        if (presented == null || presented.length == 0) {
            return new ChainVerdict(GskStatus.GSK_ERROR_NO_CERTIFICATE, "the peer sent no certificate");
        }
        X509Certificate[] chain = presented.length > MAX_PRESENTED ? Arrays.copyOf(presented, MAX_PRESENTED) : presented;
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate anchor = null;
        X509Certificate current = chain[0];
        boolean badSignature = false;
        while (path.size() < MAX_PRESENTED) {
            if (anchors.contains(current)) {
                anchor = current;
                break;
            }
            path.add(current);
            X509Certificate issuer = findIssuer(current, anchors);
            if (issuer != null) {
                anchor = issuer;
                break;
            }
            X509Certificate next = findIssuer(current, List.of(chain));
            if (next == null || next.equals(current)) {
                badSignature = namedIssuerPresent(current, chain) || namedIssuerPresent(current, anchors);
                break;
            }
            current = next;
        }
        if (anchor == null) {
            if (badSignature) {
                return new ChainVerdict(GskStatus.GSK_ERROR_BAD_CERTIFICATE,
                        "the signature on " + subject(current) + " does not verify with its issuer's key");
            }
            return new ChainVerdict(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT,
                    "the chain of " + subject(chain[0]) + " ends at " + issuer(current)
                            + ", which is not a trusted certificate authority in this store");
        }
        for (X509Certificate c : withAnchor(path, anchor)) {
            if (now.after(c.getNotAfter())) {
                return new ChainVerdict(GskStatus.GSK_KEYFILE_CERT_EXPIRED,
                        subject(c) + " expired on " + c.getNotAfter().toInstant());
            }
            if (now.before(c.getNotBefore())) {
                return new ChainVerdict(GskStatus.GSK_KEYFILE_CERT_EXPIRED,
                        subject(c) + " is not valid before " + c.getNotBefore().toInstant());
            }
        }
        Violation broken = ValidationRules.check(path, anchor, policy, purposes);
        if (broken != null) {
            return ChainVerdict.refusedBy(broken);
        }
        return pkix(path, anchor, now);
    }

    private ChainVerdict pkix(List<X509Certificate> path, X509Certificate anchor, Date now) {
        if (path.isEmpty()) {
            return ChainVerdict.OK; // the peer presented a certificate the store trusts directly
        }
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            params.setRevocationEnabled(false);
            params.setDate(now);
            CertPathValidator.getInstance("PKIX").validate(certPath, params);
            return ChainVerdict.OK;
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.INVALID_SIGNATURE) {
                return new ChainVerdict(GskStatus.GSK_ERROR_BAD_CERTIFICATE, "a signature in the chain is invalid: " + e.getMessage());
            }
            if (e.getReason() == CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED) {
                return new ChainVerdict(GskStatus.GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE,
                        "the chain uses an algorithm this runtime refuses: " + e.getMessage());
            }
            return new ChainVerdict(GskStatus.GSK_ERROR_CERT_VALIDATION, "PKIX validation failed: " + e.getMessage());
        } catch (CertificateException | InvalidAlgorithmParameterException e) {
            return new ChainVerdict(GskStatus.GSK_ERROR_BAD_CERTIFICATE, "the chain cannot be parsed: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            return new ChainVerdict(GskStatus.GSK_ERROR_CERT_VALIDATION, "validation failed: " + e.getMessage());
        }
    }

    private static List<X509Certificate> withAnchor(List<X509Certificate> path, X509Certificate anchor) {
        List<X509Certificate> all = new ArrayList<>(path);
        all.add(anchor);
        return all;
    }

    /** A certificate among the candidates whose subject is c's issuer and whose key verifies c. */
    static X509Certificate findIssuer(X509Certificate c, List<X509Certificate> candidates) {
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && verifies(c, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean namedIssuerPresent(X509Certificate c, Iterable<X509Certificate> candidates) {
        for (X509Certificate candidate : candidates) {
            if (candidate != c && candidate.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                return true;
            }
        }
        return false;
    }

    private static boolean namedIssuerPresent(X509Certificate c, X509Certificate[] candidates) {
        return namedIssuerPresent(c, List.of(candidates));
    }

    private static boolean verifies(X509Certificate c, X509Certificate issuer) {
        try {
            c.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static String subject(X509Certificate c) {
        return "\"" + c.getSubjectX500Principal().getName() + "\"";
    }

    private static String issuer(X509Certificate c) {
        return "\"" + c.getIssuerX500Principal().getName() + "\"";
    }
}
