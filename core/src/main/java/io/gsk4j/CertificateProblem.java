package io.gsk4j;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a certificate chain was refused, as facts: the status, the validation code a program reads
 * in {@code GSK_CERTIFICATE_VALIDATION_CODE} / {@code GSK_LAST_VALIDATION_ERROR}, the named rule
 * when one refused, the certificate the refusal is about, the chain as the peer sent it, the
 * path gsk4j built from it, and the trusted certificate it reached, if any.
 *
 * @param status the status of the refusal (6000 untrusted root, 107 outside validity, ...)
 * @param validationCode the rule's number (575xxx, 576xxx) when a rule refused, else the status number
 * @param rule the rule's name ({@code HOSTNAME_MISMATCH}), or null when no named rule refused
 * @param reason one sentence for people
 * @param certificate the certificate the refusal is about, or null when it concerns the chain as a whole
 * @param chainReceived the chain exactly as the peer sent it, leaf first (empty when it sent none)
 * @param chainBuilt the path from the leaf as far as gsk4j could follow it, leaf first, anchor excluded
 * @param anchor the trusted certificate the path reached, or null when it reached none
 */
public record CertificateProblem(GskStatus status, int validationCode, String rule, String reason,
        X509Certificate certificate, List<X509Certificate> chainReceived, List<X509Certificate> chainBuilt,
        X509Certificate anchor) {

    public CertificateProblem {
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
        chainReceived = List.copyOf(chainReceived);
        chainBuilt = List.copyOf(chainBuilt);
    }

    /** The named validation rule, when one refused. */
    public Optional<String> ruleName() {
        return Optional.ofNullable(rule);
    }

    /** The certificate the refusal is about. */
    public Optional<X509Certificate> concerning() {
        return Optional.ofNullable(certificate);
    }

    /** The trust anchor the built path reached. */
    public Optional<X509Certificate> trustAnchor() {
        return Optional.ofNullable(anchor);
    }

    /** The last certificate of the built path: where the chain stops when no anchor was reached. */
    public Optional<X509Certificate> chainEnd() {
        return chainBuilt.isEmpty() ? Optional.empty() : Optional.of(chainBuilt.get(chainBuilt.size() - 1));
    }

    /** The issuer named by the built path's last certificate: the CA that would have to be trusted. */
    public Optional<String> chainEndIssuer() {
        return chainEnd().map(c -> c.getIssuerX500Principal().getName());
    }

    /** Whether the built path ends at a self-issued certificate (subject equals issuer). */
    public boolean chainEndSelfIssued() {
        return chainEnd().map(c -> c.getSubjectX500Principal().equals(c.getIssuerX500Principal())).orElse(false);
    }

    /** The concerned certificate's subject, or empty. */
    public Optional<String> subject() {
        return concerning().map(c -> c.getSubjectX500Principal().getName());
    }

    /** The concerned certificate's issuer, or empty. */
    public Optional<String> issuer() {
        return concerning().map(c -> c.getIssuerX500Principal().getName());
    }

    /** The concerned certificate's first valid instant, or empty. */
    public Optional<Instant> notBefore() {
        return concerning().map(c -> c.getNotBefore().toInstant());
    }

    /** The concerned certificate's last valid instant, or empty. */
    public Optional<Instant> notAfter() {
        return concerning().map(c -> c.getNotAfter().toInstant());
    }

    /** Whether the concerned certificate is the trust anchor itself (an expired root in the store, say). */
    public boolean concernsAnchor() {
        return certificate != null && certificate.equals(anchor);
    }

    @Override
    public String toString() {
        return GskStatus.nameOf(status.code()) + " (" + validationCode + ")" + (rule != null ? " " + rule : "")
                + subject().map(s -> " about \"" + s + "\"").orElse("");
    }
}
