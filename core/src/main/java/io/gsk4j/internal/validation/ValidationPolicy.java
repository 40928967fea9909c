package io.gsk4j.internal.validation;

import io.gsk4j.attr.EnumValue;
import java.util.Objects;

/**
 * How strictly one session judges its peer's chain.
 *
 * @param profile which rule set applies (see {@link Profile})
 * @param maxDepth the most certificates the path may hold below the trust anchor, the peer's
 *        own certificate included (1 = only a certificate the anchor issued directly)
 * @param expectedHostname the DNS name or IP literal the peer's certificate must name, or null
 *        for no host check (GSKit leaves host names to the application)
 * @param purpose which side of TLS the peer's certificate must be good for (its EKU)
 */
public record ValidationPolicy(Profile profile, int maxDepth, String expectedHostname, Purpose purpose) {
    /** Deepest path the validator will build at all; a longer chain is refused whatever maxDepth says. */
    public static final int DEPTH_LIMIT = 32;
    public static final int DEFAULT_DEPTH = 10;

    /** The rule sets. */
    public enum Profile {
        /** Web PKI, opt-in: RFC 5280 plus the CA/Browser Forum Baseline Requirements. */
        STRICT,
        /**
         * The default, GSKit-faithful: what RFC 5280 path validation requires, nothing that is
         * only web-PKI policy, so that a chain GSKit accepts (private PKIs included) is accepted.
         */
        RFC5280,
        /** The JDK's PKIX validator alone (plus gsk4j's ordering, validity of the anchor, depth and host name). */
        JDK;

        /** The profile a GSK4J_VALIDATION_PROFILE value names. */
        public static Profile of(EnumValue value) {
            if (value == EnumValue.GSK4J_VALIDATION_PROFILE_STRICT) {
                return STRICT;
            }
            return value == EnumValue.GSK4J_VALIDATION_PROFILE_JDK ? JDK : RFC5280;
        }
    }

    /** What the peer's certificate is used for. */
    public enum Purpose {
        /** The peer is a TLS server: id-kp-serverAuth. */
        SERVER("1.3.6.1.5.5.7.3.1"),
        /** The peer is a TLS client: id-kp-clientAuth. */
        CLIENT("1.3.6.1.5.5.7.3.2");

        private final String oid;

        Purpose(String oid) {
            this.oid = oid;
        }

        /** The extended key usage OID that grants this purpose. */
        public String ekuOid() {
            return oid;
        }
    }

    public ValidationPolicy {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(purpose, "purpose");
        if (maxDepth < 1 || maxDepth > DEPTH_LIMIT) {
            throw new IllegalArgumentException("maxDepth must be 1.." + DEPTH_LIMIT + ", was " + maxDepth);
        }
        if (expectedHostname != null && expectedHostname.isBlank()) {
            expectedHostname = null;
        }
    }

    /** The default profile (RFC5280), depth 10, no host-name check. */
    public static ValidationPolicy defaults(Purpose purpose) {
        return new ValidationPolicy(Profile.RFC5280, DEFAULT_DEPTH, null, purpose);
    }

    public ValidationPolicy withProfile(Profile p) {
        return new ValidationPolicy(p, maxDepth, expectedHostname, purpose);
    }

    public ValidationPolicy withMaxDepth(int depth) {
        return new ValidationPolicy(profile, depth, expectedHostname, purpose);
    }

    public ValidationPolicy withExpectedHostname(String host) {
        return new ValidationPolicy(profile, maxDepth, host, purpose);
    }
}
