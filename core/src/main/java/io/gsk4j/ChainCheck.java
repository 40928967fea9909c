package io.gsk4j;

import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.internal.AttributeValues;
import io.gsk4j.internal.EnvironmentSnapshot;
import io.gsk4j.internal.certs.CertificateProblems;
import io.gsk4j.internal.certs.ChainVerdict;
import io.gsk4j.internal.validation.ValidationPolicy;
import io.gsk4j.internal.validation.ValidationReason;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates a certificate chain against an initialised environment's trust outside a handshake,
 * with the validator the handshake uses: path building, the profile's rules, the JDK's PKIX and
 * the environment's CRLs (files and store). What a handshake alone does is not done: OCSP, CRL
 * distribution points (no network traffic here), GSK_SSL_EXTN_SIGALG and the validation callback.
 *
 * <pre>{@code
 * ChainCheck.Result r = ChainCheck.against(env).hostname("www.example.com").check(chain);
 * if (!r.ok()) System.out.println(r.status() + " " + r.validationCode() + ": " + r.detail());
 * }</pre>
 *
 * Unset choices take the environment's: its GSK4J_VALIDATION_PROFILE (else the application
 * definition's or the system property's profile, else RFC5280), GSK4J_MAX_CHAIN_DEPTH and
 * GSK4J_EXPECTED_HOSTNAME; the purpose follows its session type (a client environment judges
 * servers); the time is now.
 */
public final class ChainCheck {
    /** Which side of TLS the chain's end-entity certificate must be good for. */
    public enum Purpose {
        /** A TLS server's certificate: serverAuth. */
        SERVER,
        /** A TLS client's certificate: clientAuth. */
        CLIENT
    }

    /**
     * The verdict.
     *
     * @param status what {@code gsk_secure_soc_init} would return (GSK_OK when valid)
     * @param validationCode what GSK_LAST_VALIDATION_ERROR would hold: the rule's number, else the status's
     * @param rule the named rule that refused the chain, when one did
     * @param detail a sentence naming the certificate and what was wrong
     * @param passableInPassthru whether GSK_SERVER_AUTH_PASSTHRU would let a session start with this chain
     * @param problem the refusal's facts, as a handshake's failure carries them (the certificate
     *     concerned, the chain as given and as built, the anchor); empty when the chain is valid
     */
    public record Result(GskStatus status, int validationCode, Optional<String> rule, String detail, boolean passableInPassthru,
            Optional<CertificateProblem> problem) {
        public boolean ok() {
            return status == GskStatus.GSK_OK;
        }
    }

    private final EnvironmentSnapshot env;
    private Instant at;
    private Purpose purpose;
    private String hostname;
    private boolean hostnameSet;
    private EnumValue profile;
    private Integer maxDepth;

    private ChainCheck(EnvironmentSnapshot env) {
        this.env = env;
    }

    /** A check against {@code environment}'s trusted certificates and CRLs; it must be initialised. */
    public static ChainCheck against(Environment environment) throws GskException {
        EnvironmentSnapshot snapshot = Objects.requireNonNull(environment, "environment").snapshot();
        if (snapshot == null) {
            throw new GskException(GskStatus.GSK_INVALID_STATE, "the environment is not initialised (gsk_environment_init)");
        }
        return new ChainCheck(snapshot);
    }

    /** The validation time (default: now). */
    public ChainCheck at(Instant time) {
        this.at = Objects.requireNonNull(time, "time");
        return this;
    }

    public ChainCheck purpose(Purpose p) {
        this.purpose = Objects.requireNonNull(p, "purpose");
        return this;
    }

    /** A DNS name or IP literal the end-entity certificate must name; null for no host check. */
    public ChainCheck hostname(String name) {
        this.hostname = name;
        this.hostnameSet = true;
        return this;
    }

    /** GSK4J_VALIDATION_PROFILE_RFC5280, _STRICT or _JDK. */
    public ChainCheck profile(EnumValue value) {
        if (value != EnumValue.GSK4J_VALIDATION_PROFILE_RFC5280 && value != EnumValue.GSK4J_VALIDATION_PROFILE_STRICT
                && value != EnumValue.GSK4J_VALIDATION_PROFILE_JDK) {
            throw new IllegalArgumentException(value + " is no GSK4J_VALIDATION_PROFILE value");
        }
        this.profile = value;
        return this;
    }

    /** GSK4J_MAX_CHAIN_DEPTH: certificates below the trust anchor, 1 to 32. */
    public ChainCheck maxDepth(int depth) {
        if (depth < 1 || depth > ValidationPolicy.DEPTH_LIMIT) {
            throw new IllegalArgumentException("the depth must be 1.." + ValidationPolicy.DEPTH_LIMIT + ", was " + depth);
        }
        this.maxDepth = depth;
        return this;
    }

    /** Judges {@code chain}: the end-entity certificate first, then whatever else the peer would send. */
    public Result check(List<X509Certificate> chain) {
        X509Certificate[] given = chain.toArray(new X509Certificate[0]);
        Date when = Date.from(at != null ? at : Instant.now());
        ChainVerdict v = env.validator().validate(given, when, policy());
        Optional<CertificateProblem> problem = v.ok() ? Optional.empty()
                : Optional.of(CertificateProblems.of(v, given, env.validator().anchors(), when));
        return new Result(v.status(), v.validationCode(), Optional.ofNullable(v.rule()).map(ValidationReason::name),
                v.reason(), v.passableInPassthru(), problem);
    }

    private ValidationPolicy policy() {
        AttributeValues values = env.values();
        ValidationPolicy.Profile p = profile != null ? ValidationPolicy.Profile.of(profile)
                : values.isSet(EnumAttribute.GSK4J_VALIDATION_PROFILE)
                        ? ValidationPolicy.Profile.of(values.enumValue(EnumAttribute.GSK4J_VALIDATION_PROFILE)) : env.defaultProfile();
        int depth = maxDepth != null ? maxDepth : values.number(NumericAttribute.GSK4J_MAX_CHAIN_DEPTH);
        String host = hostnameSet ? hostname : values.buffer(BufferAttribute.GSK4J_EXPECTED_HOSTNAME).orElse(null);
        Purpose side = purpose != null ? purpose
                : values.enumValue(EnumAttribute.GSK_SESSION_TYPE) == EnumValue.GSK_CLIENT_SESSION ? Purpose.SERVER : Purpose.CLIENT;
        return new ValidationPolicy(p, depth, host,
                side == Purpose.SERVER ? ValidationPolicy.Purpose.SERVER : ValidationPolicy.Purpose.CLIENT);
    }
}
