package io.gsk4j.async;

/**
 * IBM i errno numbers that only the completion-port functions use, kept here until the core
 * {@link io.gsk4j.Errno} table has them. One place, so a correction is a one-line change.
 */
public final class AsyncErrno {
    /**
     * A cancelled operation's errnoValue (IBM's QsoCancelOperation page names ECANCELED).
     * The number is <b>unverified</b>: no public transcription of QSYSINC/SYS ERRNO found lists
     * it; 3473 is the free slot just before EUNKNOWN (3474).
     */
    public static final int ECANCELED = 3473;
    /**
     * QsoWaitForIOCompletion's errno when the port is destroyed while a thread waits (IBM's
     * QsoDestroyIOCompletionPort page). 3463 from HTTPAPI's ERRNO_H (QSYSINC/SYS ERRNO).
     */
    public static final int EDESTROYED = 3463;

    private AsyncErrno() {
    }
}
