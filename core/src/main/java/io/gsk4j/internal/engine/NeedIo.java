package io.gsk4j.internal.engine;

import java.io.IOException;
import java.nio.channels.SelectionKey;

/**
 * Not a failure: the asynchronous path's "the socket cannot go on now" signal. The driver
 * throws it instead of waiting; the I/O thread registers interest in {@link #ops()} and runs
 * the same step again when the selector says the socket is ready. Everything the step had
 * done is kept in the engine and the driver's buffers, so the retry resumes where it stopped.
 *
 * <p>Shared, stackless instances: it is thrown on every partial read, so it must cost nothing.
 */
public final class NeedIo extends IOException {
    private static final long serialVersionUID = 1L;

    /** Waiting for bytes from the peer. */
    public static final NeedIo READ = new NeedIo(SelectionKey.OP_READ, "waiting for the peer's bytes");
    /** Waiting for room in the socket's send buffer. */
    public static final NeedIo WRITE = new NeedIo(SelectionKey.OP_WRITE, "waiting for room to send");
    /** Another thread is inside the driver (a synchronous call on the same session): try again shortly. */
    public static final NeedIo LOCKED = new NeedIo(0, "another thread is using the session");

    private final int ops;

    private NeedIo(int ops, String message) {
        super(message);
        this.ops = ops;
    }

    /** Shared instances: a stack trace would be wrong for every throw but the first. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** The {@link SelectionKey} interest to wait for; 0 for {@link #LOCKED}. */
    public int ops() {
        return ops;
    }
}
