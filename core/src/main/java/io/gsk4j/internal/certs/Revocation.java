package io.gsk4j.internal.certs;

import io.gsk4j.internal.crl.CrlFetcher;
import io.gsk4j.internal.validation.ValidationReason;
import io.gsk4j.internal.validation.Violation;
import io.gsk4j.internal.ocsp.OcspChecker;
import io.gsk4j.internal.ocsp.OcspResult;
import io.gsk4j.internal.ocsp.OcspStatus;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * The network steps of a session's validation: CRLs fetched from the chain's distribution
 * points (GSK4J_CRL_DP_ENABLE) before the chain is judged, and OCSP about the peer's end-entity
 * certificate once its chain is otherwise valid.
 *
 * <p>Policy (gsk4j's, since IBM i documents none beyond the attributes): revoked refuses the
 * chain with {@code GSK_ERROR_CERT_VALIDATION}; good passes; unknown or unavailable passes too —
 * a responder outage must not take every connection down — and the certificate's subject is
 * recorded as {@code GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT} for the application to act on.
 */
public final class Revocation {
    private final OcspChecker checker;
    private final CrlFetcher crls;
    private final Instant deadline;

    /**
     * @param checker OCSP, or null when off
     * @param crls CRL fetching, or null when off
     * @param deadline when the handshake gives up, or null without a handshake timeout
     */
    public Revocation(OcspChecker checker, CrlFetcher crls, Instant deadline) {
        this.checker = checker;
        this.crls = crls;
        this.deadline = deadline;
    }

    /**
     * The CRLs the certificates of a validated path name, fetched (or cached) — never for a chain
     * that is not otherwise valid, so a peer cannot make us fetch what it likes; a certificate
     * whose list cannot be had is recorded as GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT and left to the
     * other checks.
     *
     * @param path the valid path below the trust anchor
     */
    List<X509CRL> fetchCrls(List<X509Certificate> path, SessionBinding binding) {
        if (crls == null || path.isEmpty()) {
            return List.of();
        }
        CrlFetcher.Fetched got = crls.fetch(path.toArray(new X509Certificate[0]), deadline);
        if (!got.unknown().isEmpty()) {
            binding.recordUnknownRevocation(got.unknown().get(0).getSubjectX500Principal().getName());
        }
        return got.crls();
    }

    ChainVerdict check(ChainVerdict verdict, X509Certificate[] chain, List<X509Certificate> anchors, SessionBinding binding) {
        if (!verdict.ok() || checker == null) {
            return verdict;
        }
        X509Certificate leaf = chain[0];
        X509Certificate issuer = issuerOf(leaf, chain, anchors);
        if (issuer == null) {
            return verdict; // a certificate the store trusts directly: nothing above it to ask about
        }
        OcspResult result = checker.check(leaf, issuer, deadline);
        if (result.status() == OcspStatus.REVOKED) {
            return ChainVerdict.refusedBy(new Violation(ValidationReason.REVOKED, "\"" + leaf.getSubjectX500Principal().getName()
                    + "\" was revoked" + (result.revokedAt() == null ? "" : " on " + result.revokedAt())
                    + " (OCSP: " + result.detail() + ")", leaf));
        }
        if (result.status() != OcspStatus.GOOD) {
            binding.recordUnknownRevocation(leaf.getSubjectX500Principal().getName());
        }
        return verdict;
    }

    private static X509Certificate issuerOf(X509Certificate leaf, X509Certificate[] chain, List<X509Certificate> anchors) {
        if (anchors.contains(leaf)) {
            return null;
        }
        List<X509Certificate> others = new java.util.ArrayList<>(List.of(chain));
        others.remove(leaf);
        X509Certificate issuer = ChainValidator.findIssuer(leaf, others);
        return issuer != null ? issuer : ChainValidator.findIssuer(leaf, anchors);
    }
}
