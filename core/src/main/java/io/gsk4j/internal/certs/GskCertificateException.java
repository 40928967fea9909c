package io.gsk4j.internal.certs;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import java.security.cert.CertificateException;

/**
 * Our trust manager's refusal, thrown into the JDK's handshake so that the precise reason
 * survives: the JDK wraps it as the cause of its own SSLHandshakeException, and the error
 * mapper finds it there instead of guessing from messages.
 */
public final class GskCertificateException extends CertificateException {
    private static final long serialVersionUID = 1L;

    private final transient ChainVerdict verdict;

    public GskCertificateException(ChainVerdict verdict) {
        super(verdict.reason());
        this.verdict = verdict;
    }

    public ChainVerdict verdict() {
        return verdict;
    }

    public GskException toGskException(Throwable handshakeFailure) {
        return GskException.validation(verdict.status(), verdict.status().code(), verdict.reason(), handshakeFailure);
    }

    /** For statuses decided outside chain validation (e.g. no certificate at all). */
    public static GskCertificateException of(GskStatus status, String reason) {
        return new GskCertificateException(new ChainVerdict(status, reason));
    }
}
