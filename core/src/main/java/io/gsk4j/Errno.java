package io.gsk4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IBM i errno values that can accompany {@code GSK_ERROR_IO}.
 *
 * <p>These are IBM i numbers, not Linux ones. Source: spec/return-codes.md section 5.
 * EIO is printed on IBM's errno page; the rest come from HTTPAPI's ERRNO_H, which copies
 * QSYSINC/SYS ERRNO and QCLE/H ERRNO (header confidence).
 */
public enum Errno {
    EIO(3006, "An input or output operation failed."),
    EINVAL(3021, "An argument is not valid."),
    // EWOULDBLOCK shares the number; IBM i also uses it when a wait time expires.
    EAGAIN(3406, "The operation would have had to wait, or its wait time ran out.", "EWOULDBLOCK"),
    EINTR(3407, "The call was interrupted before it finished."),
    EFAULT(3408, "An address passed to the call is not usable."),
    ETIME(3409, "The operation ran out of time."),
    ECLOSED(3417, "The socket was closed."),
    ECONNABORTED(3424, "The connection ended abnormally."),
    // Not in spec section 5; the number is in the same HTTPAPI ERRNO_H block (QSYSINC/SYS ERRNO).
    ECONNREFUSED(3425, "The remote host refused the connection."),
    ECONNRESET(3426, "The partner reset the connection."),
    ENOBUFS(3436, "Not enough buffer space was available."),
    ENOTCONN(3438, "The socket is not connected."),
    ENOTSOCK(3439, "The descriptor does not refer to a socket."),
    ETIMEDOUT(3447, "The remote host did not answer in time."),
    EUNATCH(3448, "The protocol needed for the address family is not available now."),
    EBADF(3450, "The descriptor is not valid."),
    EPIPE(3455, "The connection is broken and no more data can be sent."),
    EDEADLK(3459, "The call was refused to avoid a deadlock."),
    ENOMEM(3460, "Storage could not be allocated."),
    ETERM(3464, "The operation was ended."),
    // the next two only travel with completion-port results (QsoCancelOperation, QsoDestroyIOCompletionPort);
    // EDESTROYED from QSYSINC/SYS ERRNO via HTTPAPI; ECANCELED unverified (no transcription found; a free slot)
    EDESTROYED(3463, "The I/O completion port was destroyed while the call waited on it."),
    ECANCELED(3473, "The operation was cancelled."),
    EUNKNOWN(3474, "The system is in an unknown state.");

    private static final Map<Integer, Errno> BY_CODE = new HashMap<>();

    static {
        for (Errno e : values()) {
            if (BY_CODE.put(e.code, e) != null) {
                throw new IllegalStateException("duplicate errno " + e.code);
            }
        }
    }

    private final int code;
    private final String text;
    private final List<String> names;

    Errno(int code, String text, String... aliases) {
        this.code = code;
        this.text = text;
        String[] all = new String[aliases.length + 1];
        all[0] = name();
        System.arraycopy(aliases, 0, all, 1, aliases.length);
        this.names = List.of(all);
    }

    /** The IBM i errno number. */
    public int code() {
        return code;
    }

    /** The POSIX symbol, e.g. "EIO". */
    public String posixName() {
        return name();
    }

    /** The POSIX symbol first, then other symbols with the same number (EWOULDBLOCK). */
    public List<String> names() {
        return names;
    }

    /** One sentence saying what happened. */
    public String text() {
        return text;
    }

    /**
     * The errno of a failed socket operation (a refused connect, a reset), as gsk4j maps it for
     * its own calls: the JDK gives no number, so this is read from gsk4j's one table of JDK
     * messages. {@link #EIO} when the failure names no condition that table knows.
     */
    public static Errno of(java.io.IOException socketFailure) {
        return io.gsk4j.internal.engine.ErrorMapper.errnoOf(socketFailure);
    }

    public static Optional<Errno> fromCode(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** "EIO (3006): ..." for known numbers; unknown numbers are still named, never null. */
    public static String describe(int code) {
        Errno e = BY_CODE.get(code);
        return e != null ? e.name() + " (" + code + "): " + e.text : "Unknown IBM i errno " + code + ".";
    }
}
