package io.gsk4j.async;

import java.time.Duration;
import java.util.Objects;

/**
 * How an asynchronous operation is started (the input fields of IBM's Qso_OverlappedIO_t).
 *
 * @param attachment any object; handed back unchanged in the {@link Completion}
 *     ({@code descriptorHandle})
 * @param operationId the caller's identifier, for {@link io.gsk4j.Session#cancelAsync} (0 = none)
 * @param waitTime how long a receive or send may stay pending ({@code operationWaitTime});
 *     zero means no limit. On expiry it completes with {@code GSK_ERROR_IO} and errno EAGAIN.
 *     Ignored by the handshake, whose limit is {@code GSK_HANDSHAKE_TIMEOUT}.
 * @param postAlways post a completion even when the operation finishes at once ({@code postFlag} 1)
 * @param fillBuffer complete a receive only when the buffer is full, at end of stream or on
 *     error ({@code fillBuffer} non-zero); otherwise as soon as any data is there
 */
public record AsyncOptions(Object attachment, long operationId, Duration waitTime, boolean postAlways, boolean fillBuffer) {
    /** No attachment, no identifier, no wait limit, post only when pending, complete on any data. */
    public static final AsyncOptions DEFAULT = new AsyncOptions(null, 0, Duration.ZERO, false, false);

    /** Checks the wait time: present and not negative. */
    public AsyncOptions {
        Objects.requireNonNull(waitTime, "waitTime");
        if (waitTime.isNegative()) {
            throw new IllegalArgumentException("a wait time cannot be negative");
        }
    }

    /** The defaults with {@code attachment} handed back in the completion. */
    public static AsyncOptions attach(Object attachment) {
        return DEFAULT.withAttachment(attachment);
    }

    /** A copy with another attachment. */
    public AsyncOptions withAttachment(Object value) {
        return new AsyncOptions(value, operationId, waitTime, postAlways, fillBuffer);
    }

    /** A copy with another operation identifier (0 = none). */
    public AsyncOptions withOperationId(long value) {
        return new AsyncOptions(attachment, value, waitTime, postAlways, fillBuffer);
    }

    /** A copy with another wait limit for a receive or send (zero = none). */
    public AsyncOptions withWaitTime(Duration value) {
        return new AsyncOptions(attachment, operationId, value, postAlways, fillBuffer);
    }

    /** A copy that posts, or not, a completion for an operation that finished at once. */
    public AsyncOptions withPostAlways(boolean value) {
        return new AsyncOptions(attachment, operationId, waitTime, value, fillBuffer);
    }

    /** A copy whose receive completes only on a full buffer, or on any data. */
    public AsyncOptions withFillBuffer(boolean value) {
        return new AsyncOptions(attachment, operationId, waitTime, postAlways, value);
    }
}
