package io.gsk4j.internal.ocsp;

import java.time.Instant;
import java.util.Objects;

/**
 * What a check found.
 *
 * @param status           the verdict
 * @param detail           a human-readable reason (responder, signer, what went wrong); never secrets
 * @param revokedAt        revocation time, only for {@link OcspStatus#REVOKED}
 * @param revocationReason CRLReason code (RFC 5280 section 5.3.1) if the responder gave one, only for REVOKED
 */
public record OcspResult(OcspStatus status, String detail, Instant revokedAt, Integer revocationReason) {

    public OcspResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        if (status != OcspStatus.REVOKED && (revokedAt != null || revocationReason != null)) {
            throw new IllegalArgumentException("revocation data belongs to REVOKED results only");
        }
    }

    static OcspResult good(String detail) {
        return new OcspResult(OcspStatus.GOOD, detail, null, null);
    }

    static OcspResult revoked(String detail, Instant revokedAt, Integer reason) {
        return new OcspResult(OcspStatus.REVOKED, detail, revokedAt, reason);
    }

    static OcspResult unknown(String detail) {
        return new OcspResult(OcspStatus.UNKNOWN, detail, null, null);
    }

    static OcspResult unavailable(String detail) {
        return new OcspResult(OcspStatus.UNAVAILABLE, detail, null, null);
    }

    /** The same verdict, marked as coming from the local cache. */
    OcspResult fromCache() {
        return new OcspResult(status, detail + " (cached)", revokedAt, revocationReason);
    }
}
