package io.gsk4j.internal.certs;

import io.gsk4j.GskStatus;
import io.gsk4j.ValidationReason;
import io.gsk4j.internal.crl.CrlCheck;
import io.gsk4j.internal.validation.AnchorFacts;
import io.gsk4j.internal.validation.ValidationPolicy;
import io.gsk4j.internal.validation.ValidationPolicy.Profile;
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
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a peer's chain is trusted, and if not, exactly why.
 *
 * <p>Paths are built from the peer's certificate to a certificate the store trusts
 * ({@link PathBuilder}: every candidate issuer, shortest path first, bounded work). Each path is
 * asked, in order: is every certificate, the anchor included, inside its validity period
 * ({@code GSK_KEYFILE_CERT_EXPIRED})? does it keep the rules of the policy's profile
 * ({@link ValidationRules}, each refusal a named
 * {@link io.gsk4j.ValidationReason})? does the JDK's PKIX algorithm accept it
 * ({@code GSK_ERROR_CERT_VALIDATION})? do the revocation lists the environment holds leave it
 * unrevoked? The first valid path wins. When none reaches a trusted certificate:
 * {@code GSK_ERROR_BAD_CERTIFICATE} if a named issuer's key did not verify a signature, else
 * {@code GSK_IBMI_ERROR_NOT_TRUSTED_ROOT}.
 */
public final class ChainValidator {
    /** Certificates of a presented chain looked at: enough for any real chain, and a bound on the work. */
    private static final int MAX_PRESENTED = ValidationPolicy.DEPTH_LIMIT + 1;

    private final List<X509Certificate> anchors;
    private final List<X509CRL> crls;
    /** What the trusted certificates say, worked out once here rather than on every validation. */
    private final PathBuilder.Anchors anchorIndex;
    private final AnchorFacts anchorFacts;

    public ChainValidator(List<X509Certificate> trusted) {
        this(trusted, List.of());
    }

    /** @param crls revocation lists the environment holds (from its store or files it names) */
    public ChainValidator(List<X509Certificate> trusted, List<X509CRL> crls) {
        this.anchors = List.copyOf(trusted);
        this.crls = List.copyOf(crls);
        this.anchorIndex = new PathBuilder.Anchors(anchors);
        this.anchorFacts = AnchorFacts.of(anchors);
    }

    /** The same anchors (and what was worked out from them) with other revocation lists. */
    private ChainValidator(ChainValidator same, List<X509CRL> crls) {
        this.anchors = same.anchors;
        this.crls = List.copyOf(crls);
        this.anchorIndex = same.anchorIndex;
        this.anchorFacts = same.anchorFacts;
    }

    public List<X509Certificate> anchors() {
        return anchors;
    }

    /** The revocation lists this validator consults. */
    public List<X509CRL> crls() {
        return crls;
    }

    /**
     * The default policy (depth 10, no host name). This variant does not know which side of
     * TLS the chain came from, so it accepts a peer certificate good for serverAuth or for
     * clientAuth; callers that know pass a policy.
     */
    public ChainVerdict validate(X509Certificate[] chain, Date now) {
        return validate(chain, now, ValidationPolicy.defaults(Purpose.SERVER), EnumSet.allOf(Purpose.class));
    }

    public ChainVerdict validate(X509Certificate[] chain, Date now, ValidationPolicy policy) {
        return validate(chain, now, policy, EnumSet.of(policy.purpose()));
    }

    /** The same with more CRLs than the validator holds (fetched for this chain from its distribution points). */
    public ChainVerdict validate(X509Certificate[] chain, Date now, ValidationPolicy policy, List<X509CRL> moreCrls) {
        if (moreCrls.isEmpty()) {
            return validate(chain, now, policy);
        }
        List<X509CRL> all = new ArrayList<>(crls);
        all.addAll(moreCrls);
        return new ChainValidator(this, all).validate(chain, now, policy);
    }

    private ChainVerdict validate(X509Certificate[] presented, Date instant, ValidationPolicy policy, Set<Purpose> purposes) {
        if (presented == null || presented.length == 0) {
            return new ChainVerdict(GskStatus.GSK_ERROR_NO_CERTIFICATE, "the peer sent no certificate");
        }
        // certificates carry whole seconds: compare at that precision (RFC 5280 §4.1.2.5)
        Date now = new Date(Math.floorDiv(instant.getTime(), 1000L) * 1000L);
        X509Certificate[] chain = presented.length > MAX_PRESENTED ? Arrays.copyOf(presented, MAX_PRESENTED) : presented;
        List<X509Certificate> sent = Arrays.asList(chain).subList(1, chain.length);
        PathBuilder builder = new PathBuilder(anchorIndex, sent, new PathJudge(now, policy, purposes));
        PathBuilder.Outcome found = builder.build(chain[0], MAX_PRESENTED);
        if (found.verdict() != null) {
            return found.verdict();
        }
        if (found.badSignatureSeen()) {
            return new ChainVerdict(GskStatus.GSK_ERROR_BAD_CERTIFICATE,
                    "no path to a trusted certificate: the signature on " + subject(found.stuckAt())
                            + " (or another in the chain) does not verify with its named issuer's key");
        }
        return new ChainVerdict(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT,
                "the chain of " + subject(chain[0]) + " ends at " + issuer(found.stuckAt())
                        + ", which is not a trusted certificate authority in this store"
                        + (found.exhausted() ? " (path building stopped at its work limit)" : ""));
    }

    /**
     * Judges the paths of one validation. A class, not a lambda: a lambda's call site is linked
     * on first use, and a link that fails while the heap is full stays failed (see ValidationRules).
     */
    private final class PathJudge implements PathBuilder.Judge {
        private final Date now;
        private final ValidationPolicy policy;
        private final Set<Purpose> purposes;

        PathJudge(Date now, ValidationPolicy policy, Set<Purpose> purposes) {
            this.now = now;
            this.policy = policy;
            this.purposes = purposes;
        }

        @Override
        public ChainVerdict judge(List<X509Certificate> belowAnchor, X509Certificate anchor) {
            return judgePath(belowAnchor, anchor, now, policy, purposes);
        }
    }

    /** One complete path, the questions in order; see the class comment. */
    private ChainVerdict judgePath(List<X509Certificate> path, X509Certificate anchor, Date now, ValidationPolicy policy,
                                   Set<Purpose> purposes) {
        ChainVerdict time = validity(path, anchor, now);
        if (time != null) {
            // PASSTHRU lets an expired chain through only when nothing else is wrong with it
            return time.passable(ValidationRules.check(path, anchor, baseline(policy), purposes, anchorFacts) == null);
        }
        Violation broken = ValidationRules.check(path, anchor, policy, purposes, anchorFacts);
        if (broken != null) {
            ChainVerdict refused = ChainVerdict.refusedBy(broken);
            if (policy.profile() == Profile.STRICT) {
                // a rule only the opt-in STRICT profile has never aborts a PASSTHRU session
                boolean baselineAccepts = ValidationRules.check(path, anchor, baseline(policy), purposes, anchorFacts) == null
                        && pkix(path, anchor, now, true).ok() && CrlCheck.check(path, anchor, crls, now) == null;
                return refused.passable(baselineAccepts);
            }
            return refused;
        }
        ChainVerdict jdk = pkix(path, anchor, now, policy.profile() != Profile.JDK);
        if (!jdk.ok()) {
            return jdk;
        }
        Violation revoked = CrlCheck.check(path, anchor, crls, now);
        return revoked == null ? ChainVerdict.valid(path) : ChainVerdict.refusedBy(revoked);
    }

    /** The GSKit-faithful profile STRICT builds on; the others are their own baseline. */
    private static ValidationPolicy baseline(ValidationPolicy policy) {
        return policy.profile() == Profile.STRICT ? policy.withProfile(Profile.RFC5280) : policy;
    }

    private static ChainVerdict validity(List<X509Certificate> path, X509Certificate anchor, Date now) {
        for (X509Certificate c : withAnchor(path, anchor)) {
            if (now.after(c.getNotAfter())) {
                return new ChainVerdict(GskStatus.GSK_KEYFILE_CERT_EXPIRED, subject(c) + " expired on " + c.getNotAfter().toInstant());
            }
            if (now.before(c.getNotBefore())) {
                return new ChainVerdict(GskStatus.GSK_KEYFILE_CERT_EXPIRED,
                        subject(c) + " is not valid before " + c.getNotBefore().toInstant());
            }
        }
        return null;
    }

    /** @param secondOpinion whether gsk4j's own rules ran, so a generic refusal may be put to {@link SecondOpinion} */
    private static ChainVerdict pkix(List<X509Certificate> path, X509Certificate anchor, Date now, boolean secondOpinion) {
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
            if (secondOpinion && SecondOpinion.accepts(path, anchor, now)) {
                // the JDK's generic refusal, which BouncyCastle's RFC 5280 validator does not share: see SecondOpinion
                return ChainVerdict.OK;
            }
            return new ChainVerdict(GskStatus.GSK_ERROR_CERT_VALIDATION, "PKIX validation failed: " + e.getMessage(), null, false);
        } catch (CertificateException | InvalidAlgorithmParameterException e) {
            return new ChainVerdict(GskStatus.GSK_ERROR_BAD_CERTIFICATE, "the chain cannot be parsed: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            return new ChainVerdict(GskStatus.GSK_ERROR_CERT_VALIDATION, "validation failed: " + e.getMessage(), null, false);
        } catch (RuntimeException e) {
            // the JDK's PKIX throws unchecked exceptions on some name forms (otherName constraints)
            return new ChainVerdict(GskStatus.GSK_ERROR_CERT_VALIDATION, "the JDK's PKIX validator cannot process the chain: " + e,
                    null, false);
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
