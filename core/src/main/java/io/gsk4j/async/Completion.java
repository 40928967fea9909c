package io.gsk4j.async;

import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.Session;
import java.util.Optional;

/**
 * One finished operation, as delivered by {@link CompletionPort}: exactly one per started
 * operation that did not finish at once (and one more for those that did, when the caller
 * asked to always post).
 *
 * @param kind what finished
 * @param session the session it ran on; null for an application's own post
 * @param failure why it did not succeed, with every fact the synchronous call would have thrown
 *     (status, errno for {@code GSK_ERROR_IO}, alert, certificate problem, which end refused);
 *     null when it succeeded. A cancellation and an expired wait time are {@code GSK_ERROR_IO}
 *     with {@link Errno#ECANCELED} and {@link Errno#EAGAIN}.
 * @param bytes bytes received into, or sent from, the caller's buffer (also for a receive or
 *     send that was cancelled or timed out part way); 0 for a handshake. A receive that
 *     completes with {@code GSK_OK} and 0 bytes is end of stream.
 * @param operationId the caller's identifier from {@link AsyncOptions}
 * @param attachment the caller's object from {@link AsyncOptions}, returned unchanged
 */
public record Completion(OperationKind kind, Session session, GskException failure, int bytes, long operationId,
        Object attachment) {

    public boolean succeeded() {
        return failure == null;
    }

    /** The status: {@code GSK_OK}, or the failure's; empty only for a number gsk4j does not know. */
    public Optional<GskStatus> status() {
        return failure == null ? Optional.of(GskStatus.GSK_OK) : failure.status();
    }

    /** The return code as C reads it ({@code Qso_OverlappedIO_t.returnValue}). */
    public int statusCode() {
        return failure == null ? GskStatus.GSK_OK.code() : failure.code();
    }

    /** The errno behind {@code GSK_ERROR_IO}; empty for every other outcome. */
    public Optional<Errno> errno() {
        if (failure == null || failure.code() != GskStatus.GSK_ERROR_IO.code()) {
            return Optional.empty();
        }
        return Optional.of(failure.errno().orElse(Errno.EIO));
    }

    /** The errno as C reads it ({@code Qso_OverlappedIO_t.errnoValue}): 0 when none. */
    public int errnoCode() {
        return errno().map(Errno::code).orElse(0);
    }

    @Override
    public String toString() {
        return kind + " " + GskStatus.nameOf(statusCode()) + " (" + statusCode() + ")"
                + errno().map(e -> " errno " + e.posixName()).orElse("")
                + " bytes " + bytes + (operationId != 0 ? " id " + operationId : "");
    }
}
