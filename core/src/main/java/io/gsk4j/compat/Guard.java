package io.gsk4j.compat;

import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;

/**
 * Turns a core call into a C return code: the one place where the compat layer catches.
 * A {@link GskException} gives its own number (and its errno for GSK_ERROR_IO); anything else
 * is a gsk4j bug and becomes GSK_INTERNAL_ERROR, logged because the caller only sees a number.
 */
final class Guard {
    private static final System.Logger LOG = System.getLogger("io.gsk4j.compat");

    /** The body of one gsk_* function; it returns GSK_OK or throws the failure. */
    interface Call {
        int run() throws GskException;
    }

    private Guard() {
    }

    static int run(Call call) {
        try {
            return call.run();
        } catch (GskException e) {
            ThreadErrno.setLastFailure(e);
            if (e.code() == GskStatus.GSK_ERROR_IO.code()) {
                // core always names the errno; EIO covers a GSK_ERROR_IO built without one
                ThreadErrno.set(e.errno().orElse(Errno.EIO).code());
            }
            return e.code();
        } catch (OutOfMemoryError e) {
            ThreadErrno.setLastFailure(new GskException(GskStatus.GSK_INSUFFICIENT_STORAGE, "out of memory", e));
            return GskStatus.GSK_INSUFFICIENT_STORAGE.code();
        } catch (Throwable t) { // a C caller cannot receive an exception
            LOG.log(System.Logger.Level.WARNING, "unexpected failure inside a gsk_* call", t);
            ThreadErrno.setLastFailure(new GskException(GskStatus.GSK_INTERNAL_ERROR, "unexpected failure inside gsk4j", t));
            return GskStatus.GSK_INTERNAL_ERROR.code();
        }
    }

    /** C's "not a valid pointer": a null handle variable, holder or buffer. */
    static <T> T pointer(T p, String what) throws GskException {
        if (p == null) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_INVALID_POINTER, what + " is null");
        }
        return p;
    }

    static GskException fail(GskStatus status, String message) {
        return new GskException(status, message);
    }
}
