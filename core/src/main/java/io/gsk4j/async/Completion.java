package io.gsk4j.async;

import io.gsk4j.Errno;
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
 * @param status the GSKit return code: {@code GSK_OK}, or any status the synchronous call
 *     could return ({@code GSK_ERROR_IO} with {@link #errno} for socket failures, a
 *     cancellation and an expired wait time)
 * @param errno the IBM i errno when {@code status} is {@code GSK_ERROR_IO}, else 0
 * @param bytes bytes received into, or sent from, the caller's buffer (also for a receive or
 *     send that was cancelled or timed out part way); 0 for a handshake. A receive that
 *     completes with {@code GSK_OK} and 0 bytes is end of stream.
 * @param operationId the caller's identifier from {@link AsyncOptions}
 * @param attachment the caller's object from {@link AsyncOptions}, returned unchanged
 */
public record Completion(OperationKind kind, Session session, int status, int errno, int bytes, long operationId,
        Object attachment) {

    public boolean succeeded() {
        return status == GskStatus.GSK_OK.code();
    }

    /** The errno as a known constant; empty for 0. */
    public Optional<Errno> errnoConstant() {
        return errno == 0 ? Optional.empty() : Errno.fromCode(errno);
    }

    @Override
    public String toString() {
        return kind + " " + GskStatus.nameOf(status) + " (" + status + ")" + (errno != 0 ? " errno " + errno : "")
                + " bytes " + bytes + (operationId != 0 ? " id " + operationId : "");
    }
}
