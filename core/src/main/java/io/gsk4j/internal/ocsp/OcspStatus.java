package io.gsk4j.internal.ocsp;

/** The outcome of one OCSP question. */
public enum OcspStatus {
    /** A properly signed, current response says the certificate is not revoked. */
    GOOD,
    /** A properly signed, current response says the certificate is revoked. */
    REVOKED,
    /** A properly signed, current response says the responder does not know the certificate. */
    UNKNOWN,
    /**
     * No trustworthy answer: no responder URL, responder unreachable or too slow, HTTP error, a
     * responder error status, or a response that is malformed, too large, wrongly signed, stale,
     * about another certificate or without our nonce.
     */
    UNAVAILABLE
}
