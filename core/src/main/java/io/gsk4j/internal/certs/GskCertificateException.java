package io.gsk4j.internal.certs;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.PKIXReason;

/**
 * Our trust manager's refusal, thrown into the JDK's handshake so that the precise reason
 * survives: the JDK wraps it as the cause of its own SSLHandshakeException, and the error
 * mapper finds it there instead of guessing from messages.
 */
public final class GskCertificateException extends CertificateException {
    private static final long serialVersionUID = 1L;

    private final transient ChainVerdict verdict;

    public GskCertificateException(ChainVerdict verdict) {
        super(verdict.reason(), alertCause(verdict));
        this.verdict = verdict;
    }

    /**
     * The JDK chooses the alert it sends from the reason of a CertPathValidatorException that
     * is the direct cause: give it one, so the peer hears unknown_ca or certificate_expired
     * rather than the generic certificate_unknown.
     */
    private static Throwable alertCause(ChainVerdict verdict) {
        CertPathValidatorException.Reason reason;
        switch (verdict.status()) {
            case GSK_IBMI_ERROR_NOT_TRUSTED_ROOT:
                reason = PKIXReason.NO_TRUST_ANCHOR;
                break;
            case GSK_KEYFILE_CERT_EXPIRED:
                reason = CertPathValidatorException.BasicReason.EXPIRED;
                break;
            case GSK_ERROR_BAD_CERTIFICATE:
                reason = CertPathValidatorException.BasicReason.INVALID_SIGNATURE;
                break;
            case GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE:
                reason = CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED;
                break;
            default:
                return null;
        }
        return new CertPathValidatorException(verdict.reason(), null, null, -1, reason);
    }

    public ChainVerdict verdict() {
        return verdict;
    }

    public GskException toGskException(Throwable handshakeFailure) {
        return GskException.validation(verdict.status(), verdict.validationCode(), verdict.reason(), handshakeFailure);
    }

    /** For statuses decided outside chain validation (e.g. no certificate at all). */
    public static GskCertificateException of(GskStatus status, String reason) {
        return new GskCertificateException(new ChainVerdict(status, reason));
    }
}
