package io.gsk4j;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A GSKit call that did not return {@code GSK_OK}.
 *
 * <p>The status number is the identity of the failure: it is exactly what the C-shaped
 * layer returns. When the status is {@code GSK_ERROR_IO} the exception also carries the
 * errno a C caller would have read. When a certificate was refused it carries the
 * validation code ({@code GSK_LAST_VALIDATION_ERROR}) that says why.
 */
public class GskException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final Errno errno;
    private final int validationCode;

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

    /** Any number, including one this library does not know; it round-trips unchanged. */
    public GskException(int code, Errno errno, int validationCode, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.errno = errno;
        this.validationCode = validationCode;
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

    /** The same failure again, so a sticky error can be rethrown with a fresh stack. */
    public GskException replay() {
        return new GskException(code, errno, validationCode, detail(), this);
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
