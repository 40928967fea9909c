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
    private static final PathRule DEPTH = new DepthRule();
    private static final PathRule HOST = new HostnameRule();

    private static final List<PathRule> RFC5280 = List.of(DEPTH, new CertificateFormRule(), new ValidityEncodingRule(),
            new CriticalExtensionRule(), new CriticalityRule(), new ExtensionSyntaxRule(), new KeyIdentifierRule(),
            new BasicConstraintsRule(), new ExtendedKeyUsageRule(), new NameConstraintsRule(), HOST);

    private static final List<PathRule> STRICT = List.of(DEPTH, new CertificateFormRule(), new ValidityEncodingRule(),
            new CriticalExtensionRule(), new CriticalityRule(), new ExtensionSyntaxRule(), new KeyIdentifierRule(),
            new BasicConstraintsRule(), new ExtendedKeyUsageRule(), new NameConstraintsRule(), new KeyStrengthRule(),
            new SignatureAlgorithmRule(), new WebPkiRootRule(), HOST, new WebPkiNamesRule());

    // the JDK profile adds nothing to the JDK's judgement except what the application asked for
    private static final List<PathRule> JDK = List.of(DEPTH, HOST);

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
        ValidationPath path = new ValidationPath(belowAnchor, anchor, policy, purposes);
        for (PathRule rule : rules(policy.profile())) {
            Violation v = rule.check(path);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    static List<PathRule> rules(Profile profile) {
        return switch (profile) {
            case STRICT -> STRICT;
            case RFC5280 -> RFC5280;
            case JDK -> JDK;
        };
    }
}
