package io.gsk4j.internal.validation;

import io.gsk4j.internal.validation.ValidationPolicy.Profile;
import io.gsk4j.internal.validation.ValidationPolicy.Purpose;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/**
 * The one place that says which rules a profile runs and in which order; the first refusal
 * wins. ChainValidator runs these after its own trust, signature and validity questions and
 * before the JDK's PKIX check.
 */
public final class ValidationRules {
    /**
     * The rule lists, made on first use and kept. Not built by a static initialiser: a class
     * whose initialiser runs out of memory (a process's first validation with the heap full) is
     * unusable for the life of the JVM (JLS 12.4.2), and every later validation would fail;
     * built here, a failed attempt is simply made again by the next validation.
     */
    private static volatile RuleSets sets;

    /** Which rules each profile runs, in order. */
    private record RuleSets(List<PathRule> strict, List<PathRule> rfc5280, List<PathRule> jdk) {
        static RuleSets make() {
            PathRule depth = new DepthRule();
            PathRule host = new HostnameRule();
            List<PathRule> rfc5280 = List.of(depth, new CertificateFormRule(), new ValidityEncodingRule(),
                    new CriticalExtensionRule(), new CriticalityRule(), new ExtensionSyntaxRule(), new KeyIdentifierRule(),
                    new BasicConstraintsRule(), new ExtendedKeyUsageRule(), new NameConstraintsRule(), host);
            List<PathRule> strict = List.of(depth, new CertificateFormRule(), new ValidityEncodingRule(),
                    new CriticalExtensionRule(), new CriticalityRule(), new ExtensionSyntaxRule(), new KeyIdentifierRule(),
                    new BasicConstraintsRule(), new ExtendedKeyUsageRule(), new NameConstraintsRule(), new KeyStrengthRule(),
                    new SignatureAlgorithmRule(), new WebPkiRootRule(), host, new WebPkiNamesRule());
            // the JDK profile adds nothing to the JDK's judgement except what the application asked for
            return new RuleSets(strict, rfc5280, List.of(depth, host));
        }
    }

    private ValidationRules() {
    }

    /**
     * The first rule the path breaks, or null.
     *
     * @param belowAnchor the peer's certificate first, then its issuers, without the anchor;
     *        empty when the peer's certificate is itself trusted
     * @param purposes the purposes any one of which the peer's certificate must allow
     */
    public static Violation check(List<X509Certificate> belowAnchor, X509Certificate anchor, ValidationPolicy policy,
                                  Set<Purpose> purposes) {
        return check(belowAnchor, anchor, policy, purposes, AnchorFacts.none());
    }

    /** The same, with what the store's anchors say decoded in advance. */
    public static Violation check(List<X509Certificate> belowAnchor, X509Certificate anchor, ValidationPolicy policy,
                                  Set<Purpose> purposes, AnchorFacts anchors) {
        ValidationPath path = new ValidationPath(belowAnchor, anchor, policy, purposes, anchors);
        for (PathRule rule : rules(policy.profile())) {
            Violation v = rule.check(path);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    static List<PathRule> rules(Profile profile) {
        RuleSets s = sets;
        if (s == null) {
            s = RuleSets.make(); // two threads may both make them: the same rules, one kept
            sets = s;
        }
        // an if, not a switch on the enum: that would add a class with a static initialiser
        if (profile == Profile.STRICT) {
            return s.strict();
        }
        return profile == Profile.JDK ? s.jdk() : s.rfc5280();
    }
}
