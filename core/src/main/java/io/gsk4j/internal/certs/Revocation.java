package io.gsk4j.internal.certs;

import io.gsk4j.internal.validation.ValidationReason;
import io.gsk4j.internal.validation.Violation;
import io.gsk4j.internal.ocsp.OcspChecker;
import io.gsk4j.internal.ocsp.OcspResult;
import io.gsk4j.internal.ocsp.OcspStatus;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * The OCSP step of a session's validation: asks about the peer's end-entity certificate once
 * its chain is otherwise valid.
 *
 * <p>Policy (gsk4j's, since IBM i documents none beyond the attributes): revoked refuses the
 * chain with {@code GSK_ERROR_CERT_VALIDATION}; good passes; unknown or unavailable passes too —
 * a responder outage must not take every connection down — and the certificate's subject is
 * recorded as {@code GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT} for the application to act on.
 */
public final class Revocation {
    private final OcspChecker checker;
    private final Instant deadline;

    /** @param deadline when the handshake gives up, or null without a handshake timeout */
    public Revocation(OcspChecker checker, Instant deadline) {
        this.checker = checker;
        this.deadline = deadline;
    }

    ChainVerdict check(ChainVerdict verdict, X509Certificate[] chain, List<X509Certificate> anchors, SessionBinding binding) {
        if (!verdict.ok()) {
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
