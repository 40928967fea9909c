package io.gsk4j.internal.certs;

import io.gsk4j.CertificateProblem;
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
    private final transient CertificateProblem problem;

    public GskCertificateException(ChainVerdict verdict) {
        this(verdict, null);
    }

    /** @param problem the facts of the refusal, or null when there is no chain to describe */
    GskCertificateException(ChainVerdict verdict, CertificateProblem problem) {
        super(verdict.reason(), alertCause(verdict));
        this.verdict = verdict;
        this.problem = problem;
    }

    /**
     * A CertPathValidatorException with the reason, as the direct cause: JDKs that choose the
     * alert from it send unknown_ca or certificate_expired. JDK 17 and 25 send certificate_unknown for
     * a trust manager's refusal whatever the cause (measured in FailureFactsTest, which reports
     * the alert that really left rather than this intention).
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

    /**
     * The refusal as the failure of the call: ours, with the chain's facts. Which alert the JDK
     * sends for it is not ours to say (it differs by protocol and JDK version); the driver
     * reports the one it saw leave, when it could read it.
     */
    public GskException toGskException(Throwable handshakeFailure) {
        if (problem != null) {
            return GskException.refused(problem, handshakeFailure);
        }
        GskException e = GskException.validation(verdict.status(), verdict.validationCode(), verdict.reason(), handshakeFailure);
        return verdict.status() == GskStatus.GSK_INTERNAL_ERROR ? e : e.withRefusedBy(io.gsk4j.Party.LOCAL);
    }

    /** For statuses decided outside chain validation (e.g. no certificate at all). */
    public static GskCertificateException of(GskStatus status, String reason) {
        return new GskCertificateException(new ChainVerdict(status, reason));
    }
}
