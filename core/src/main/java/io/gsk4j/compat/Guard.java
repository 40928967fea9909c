package io.gsk4j.compat;

import io.gsk4j.Errno;
import io.gsk4j.GskException;

/**
 * Turns a core call into a C return code: the one place where the compat layer decides what
 * a failure returns. A {@link GskException} gives its own number (and its errno for
 * GSK_ERROR_IO); running out of memory anywhere, also while a class initialises on first use,
 * is GSK_INSUFFICIENT_STORAGE; anything else is a gsk4j bug and becomes GSK_INTERNAL_ERROR,
 * logged because the caller only sees a number.
 *
 * <p>Each gsk_* function also forwards to {@link #escaped(Throwable)} whatever is thrown
 * before {@link #run(Call)} is entered: the JVM links a function's own code on its first call,
 * and that can run out of memory too. So no Throwable leaves a gsk_* function.
 */
final class Guard {
    /** How deep to look through causes; a cycle or a very long chain must not keep us here. */
    private static final int CAUSE_DEPTH = 16;

    /** Set the first time a gsk_* call meets an OutOfMemoryError (see {@link #outOfMemory}). */
    private static volatile boolean ranOutOfMemory;

    /** The body of one gsk_* function; it returns GSK_OK or throws the failure. */
    interface Call {
        int run() throws GskException;
    }

    private Guard() {
    }

    static int run(Call call) {
        try {
            return call.run();
        } catch (Throwable t) { // a C caller cannot receive an exception
            return failed(t);
        }
    }

    /** What reached a gsk_* function outside {@link #run(Call)}. */
    static int escaped(Throwable t) {
        return failed(t);
    }

    /** The same for the Qso* functions, which answer -1 and set errno: ENOMEM when memory ran out. */
    static int escapedQso(Throwable t) {
        try {
            ThreadErrno.set(outOfMemory(t) ? GskSslConstants.ENOMEM : GskSslConstants.EUNKNOWN);
            if (!outOfMemory(t)) {
                log(t);
            }
        } catch (Throwable ignored) {
            // nothing more can be done without memory
        }
        return -1;
    }

    private static int failed(Throwable t) {
        try {
            if (outOfMemory(t)) {
                ThreadErrno.setLastFailure(null); // no facts to give, and nothing is allocated for them
                return GskSslConstants.GSK_INSUFFICIENT_STORAGE;
            }
            if (t instanceof GskException) {
                GskException e = (GskException) t;
                ThreadErrno.setLastFailure(e); // the facts behind the number: Gsk.lastFailure()
                if (e.code() == GskSslConstants.GSK_ERROR_IO) {
                    // core always names the errno; EIO covers a GSK_ERROR_IO built without one
                    ThreadErrno.set(e.errno().orElse(Errno.EIO).code());
                }
                return e.code();
            }
            ThreadErrno.setLastFailure(null);
            log(t);
            return GskSslConstants.GSK_INTERNAL_ERROR;
        } catch (Throwable again) { // reporting itself failed: almost certainly memory
            return outOfMemory(again) ? GskSslConstants.GSK_INSUFFICIENT_STORAGE : GskSslConstants.GSK_INTERNAL_ERROR;
        }
    }

    /**
     * Whether memory ran out somewhere behind {@code t}: an OutOfMemoryError itself or as a
     * cause (a JDK exception wrapping it), or a class left unusable after memory ran out. A
     * class initialiser that runs out of memory throws the bare error once; every later use
     * of the class is a NoClassDefFoundError (its cause, if any, an ExceptionInInitializerError
     * without one). So once this process has run out of memory, such an error counts as the
     * same shortage; a class that is simply missing (a ClassNotFoundException behind it) does
     * not. Allocates nothing.
     */
    static boolean outOfMemory(Throwable t) {
        Throwable c = t;
        for (int i = 0; c != null && i < CAUSE_DEPTH; i++) {
            if (c instanceof OutOfMemoryError) {
                ranOutOfMemory = true;
                return true;
            }
            c = c.getCause();
        }
        return ranOutOfMemory && t instanceof NoClassDefFoundError
                && (t.getCause() == null || t.getCause() instanceof ExceptionInInitializerError);
    }

    /** Loads nothing: Gsk calls it while it initialises, so that the handlers are ready before memory runs out. */
    static boolean ready() {
        return true;
    }

    private static void log(Throwable t) {
        try {
            // looked up only here: a logger made when Guard loads would cost memory on every first call
            System.getLogger("io.gsk4j.compat").log(System.Logger.Level.WARNING, "unexpected failure inside a gsk_* call", t);
        } catch (Throwable ignored) {
            // a log that fails must not turn a return code into an exception
        }
    }

    /** C's "not a valid pointer": a null handle variable, holder or buffer. */
    static <T> T pointer(T p, String what) throws GskException {
        if (p == null) {
            throw new GskException(io.gsk4j.GskStatus.GSK_IBMI_ERROR_INVALID_POINTER, what + " is null");
        }
        return p;
    }

    static GskException fail(io.gsk4j.GskStatus status, String message) {
        return new GskException(status, message);
    }
}
