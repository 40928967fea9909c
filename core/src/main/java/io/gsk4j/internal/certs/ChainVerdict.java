package io.gsk4j.internal.certs;

import io.gsk4j.GskStatus;
import io.gsk4j.internal.validation.ValidationReason;
import io.gsk4j.internal.validation.Violation;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What validation concluded about a peer's chain: {@code GSK_OK} or the status that says
 * why not, with a sentence for people, and for refusals by a named rule the rule itself.
 * The validation code ({@code GSK_CERTIFICATE_VALIDATION_CODE}, {@code GSK_LAST_VALIDATION_ERROR})
 * is the rule's number when there is one, else the status number, as on IBM i (6000, 107).
 *
 * @param passable whether PASSTHRU authentication lets the session start despite this refusal:
 *        the chain failed only because it expired or its root is untrusted, or only by a rule of
 *        the opt-in STRICT profile
 * @param path for a valid chain, the path found below the trust anchor (the peer's certificate
 *        first; empty when the store trusts the peer's certificate itself); empty otherwise
 * @param certificate the certificate a named rule refused, or null (the verdict is about the chain,
 *        or no rule refused)
 */
public record ChainVerdict(GskStatus status, String reason, ValidationReason rule, boolean passable,
                           List<X509Certificate> path, X509Certificate certificate) {
    public static final ChainVerdict OK = new ChainVerdict(GskStatus.GSK_OK, "the chain is valid");

    public ChainVerdict {
        path = List.copyOf(path);
    }

    /** A verdict about the chain as a whole. */
    public ChainVerdict(GskStatus status, String reason, ValidationReason rule, boolean passable) {
        this(status, reason, rule, passable, List.of(), null);
    }

    /** A valid chain, and the path that made it so. */
    static ChainVerdict valid(List<X509Certificate> path) {
        return new ChainVerdict(GskStatus.GSK_OK, "the chain is valid", null, false, path, null);
    }

    /** A verdict without a named rule: OK, and the untrusted-root, signature and validity refusals. */
    public ChainVerdict(GskStatus status, String reason) {
        this(status, reason, null, status == GskStatus.GSK_KEYFILE_CERT_EXPIRED || status == GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT);
    }

    public ChainVerdict(GskStatus status, String reason, ValidationReason rule) {
        this(status, reason, rule, false);
    }

    /** A refusal by a named rule: its status, its text, the certificate it is about. */
    public static ChainVerdict refusedBy(Violation v) {
        return new ChainVerdict(v.rule().status(), v.text(), v.rule(), false, List.of(), v.certificate());
    }

    /** The same verdict, PASSTHRU letting it through or not. */
    ChainVerdict passable(boolean p) {
        return new ChainVerdict(status, reason, rule, p, path, certificate);
    }

    public boolean ok() {
        return status == GskStatus.GSK_OK;
    }

    /** The number programs read: the rule's code when a rule refused, else the status code. */
    public int validationCode() {
        return rule != null ? rule.code() : status.code();
    }

    /**
     * The failures PASSTHRU authentication lets through: IBM names expiry and an untrusted root
     * (and then only when nothing else is wrong with the chain); gsk4j adds refusals by a rule
     * only the opt-in STRICT profile has.
     */
    public boolean passableInPassthru() {
        return !ok() && passable;
    }
}
