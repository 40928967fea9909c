package io.gsk4j;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A GSKit call that did not return {@code GSK_OK}.
 *
 * <p>The status number is the identity of the failure: it is exactly what the C-shaped
 * layer returns. The rest are facts, each a field, never text to parse: the errno behind
 * {@code GSK_ERROR_IO}; the TLS alert received from the peer or sent to it; which end refused;
 * and, when a certificate chain was refused, the {@link CertificateProblem} (validation code,
 * rule, the certificate concerned, the chain as received and as built, the anchor). The
 * message is for people only.
 */
public class GskException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final Errno errno;
    private final int validationCode;
    private final TlsAlert alertReceived;
    private final TlsAlert alertSent;
    private final Party refusedBy;
    private final transient CertificateProblem certificateProblem;
    private final StoreProblem storeProblem;

    public GskException(GskStatus status, String message) {
        this(status.code(), null, 0, message, null);
    }

    public GskException(GskStatus status, String message, Throwable cause) {
        this(status.code(), null, 0, message, cause);
    }

    /** A {@code GSK_ERROR_IO} failure with the errno that explains it. */
    public static GskException io(Errno errno, String message, Throwable cause) {
        return new GskException(GskStatus.GSK_ERROR_IO.code(), Objects.requireNonNull(errno), 0, message, cause);
    }

    /** A refused certificate: the status of the handshake and the validation code behind it. */
    public static GskException validation(GskStatus status, int validationCode, String message, Throwable cause) {
        return new GskException(status.code(), null, validationCode, message, cause);
    }

    /** A chain we refused: status, validation code and message all come from the problem. */
    public static GskException refused(CertificateProblem problem, Throwable cause) {
        return new GskException(problem.status().code(), null, problem.validationCode(), problem.reason(), cause,
                null, null, Party.LOCAL, problem, null);
    }

    /** Any number, including one this library does not know; it round-trips unchanged. */
    public GskException(int code, Errno errno, int validationCode, String message, Throwable cause) {
        this(code, errno, validationCode, message, cause, null, null, null, null, null);
    }

    private GskException(int code, Errno errno, int validationCode, String message, Throwable cause,
            TlsAlert alertReceived, TlsAlert alertSent, Party refusedBy, CertificateProblem certificateProblem,
            StoreProblem storeProblem) {
        super(message, cause);
        this.code = code;
        this.errno = errno;
        this.validationCode = validationCode;
        this.alertReceived = alertReceived;
        this.alertSent = alertSent;
        this.refusedBy = refusedBy;
        this.certificateProblem = certificateProblem;
        this.storeProblem = storeProblem;
    }

    /** A store that could not be opened: {@code GSK_KEYRING_OPEN_ERROR} with the reason as a fact. */
    public static GskException store(StoreProblem problem, String message, Throwable cause) {
        return new GskException(GskStatus.GSK_KEYRING_OPEN_ERROR.code(), null, 0, message, cause, null, null, null, null,
                java.util.Objects.requireNonNull(problem));
    }

    /** This failure, learned from an alert the peer sent: the peer refused us. */
    public GskException withAlertReceived(TlsAlert alert) {
        return copy(alert, alertSent, Party.PEER, certificateProblem);
    }

    /** This failure, with the alert we sent the peer to say why. */
    public GskException withAlertSent(TlsAlert alert) {
        return copy(alertReceived, alert, refusedBy, certificateProblem);
    }

    /** This failure, with the end that refused. */
    public GskException withRefusedBy(Party party) {
        return copy(alertReceived, alertSent, party, certificateProblem);
    }

    private GskException copy(TlsAlert received, TlsAlert sent, Party party, CertificateProblem problem) {
        GskException e = new GskException(code, errno, validationCode, detail(), getCause(), received, sent, party, problem,
                storeProblem);
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The IBM i return code. */
    public int code() {
        return code;
    }

    /** The status, or empty for a number this library does not know. */
    public Optional<GskStatus> status() {
        return GskStatus.fromCode(code);
    }

    /** The errno behind {@code GSK_ERROR_IO}; empty for every other status. */
    public Optional<Errno> errno() {
        return Optional.ofNullable(errno);
    }

    /** The certificate validation code (0 when no certificate was refused). */
    public int validationCode() {
        return validationCode;
    }

    /** The alert the peer sent that ended the connection, if one did. */
    public Optional<TlsAlert> alertReceived() {
        return Optional.ofNullable(alertReceived);
    }

    /** The alert we sent the peer when we refused it, when known. */
    public Optional<TlsAlert> alertSent() {
        return Optional.ofNullable(alertSent);
    }

    /** Which end refused the connection; empty when nobody refused (an I/O error, a timeout, a closed socket). */
    public Optional<Party> refusedBy() {
        return Optional.ofNullable(refusedBy);
    }

    /** Why a certificate chain was refused, when that is the failure. */
    public Optional<CertificateProblem> certificateProblem() {
        return Optional.ofNullable(certificateProblem);
    }

    /** Why the certificate store could not be opened, when that is the failure. */
    public Optional<StoreProblem> storeProblem() {
        return Optional.ofNullable(storeProblem);
    }

    /** The same failure again, with every fact, so a sticky error can be rethrown with a fresh stack. */
    public GskException replay() {
        return new GskException(code, errno, validationCode, detail(), this, alertReceived, alertSent, refusedBy,
                certificateProblem, storeProblem);
    }

    /** The explanation alone, without the status name and number that {@link #getMessage()} puts first. */
    public String detail() {
        String detail = super.getMessage();
        return detail == null ? "" : detail;
    }

    @Override
    public String getMessage() {
        String detail = detail();
        StringBuilder text = new StringBuilder(GskStatus.nameOf(code)).append(" (").append(code).append(')');
        if (errno != null) {
            text.append(" errno ").append(errno.posixName()).append(" (").append(errno.code()).append(')');
        }
        if (detail != null && !detail.isEmpty()) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }
}
