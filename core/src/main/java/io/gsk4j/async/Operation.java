package io.gsk4j.async;

import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.internal.engine.NeedIo;
import java.io.IOException;

/**
 * One started operation. It completes exactly once — by its own steps, a timeout, a cancel,
 * the session's close or the socket's — and every step and every completion happens under
 * this object's monitor, so the caller's buffer is never touched after the completion exists.
 */
abstract class Operation {
    /** {@link #run()}: finished. */
    static final int DONE = -1;
    /** {@link #run()}: a synchronous caller holds the session; run again shortly. */
    static final int LOCKED = -2;

    private static final System.Logger LOG = System.getLogger("io.gsk4j.async");


    final AsyncChannel channel;
    final CompletionPort port;
    final AsyncOptions options;

    private boolean finished; // guarded by this
    /** True while the start call makes its first attempt on the caller's thread. */
    private boolean immediate; // guarded by this
    private Completion result; // guarded by this
    private boolean posted; // guarded by this
    private volatile Timeout timeout;

    Operation(AsyncChannel channel, CompletionPort port, AsyncOptions options) {
        this.channel = channel;
        this.port = port;
        this.options = options;
    }

    abstract OperationKind kind();

    /** Goes as far as the socket allows; calls {@link #complete} when done, else throws NeedIo. */
    abstract void step() throws IOException;

    /** Bytes moved so far. */
    abstract int bytes();

    /** Called once when the operation ends, however it ends. */
    void ended() {
    }

    /** What an expired wait time means for this operation. */
    void timedOut() {
        complete(GskException.io(Errno.EAGAIN, "the wait time ran out", null));
    }

    final void timeoutAfter(IoLoop loop, long millis) {
        if (millis > 0) {
            timeout = loop.schedule(millis, this::timedOut);
        }
    }

    /** On the I/O thread: {@link #DONE}, {@link #LOCKED}, or the selector interest to wait for. */
    final synchronized int run() {
        if (finished) {
            return DONE;
        }
        try {
            step();
            return DONE;
        } catch (NeedIo n) {
            return n == NeedIo.LOCKED ? LOCKED : n.ops();
        } catch (GskException e) {
            complete(e);
            return DONE;
        } catch (OutOfMemoryError e) {
            outOfMemory();
            return DONE;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "an asynchronous " + kind() + " failed unexpectedly", e);
            complete(new GskException(GskStatus.GSK_INTERNAL_ERROR, "an asynchronous " + kind() + " failed unexpectedly", e));
            return DONE;
        }
    }

    /** Memory ran out during a step on the I/O thread: the operation completes with GSK_INSUFFICIENT_STORAGE. */
    void outOfMemory() {
        complete(OUT_OF_MEMORY);
    }

    /**
     * On the starting thread: the first attempt. Returns the result when it finished at once
     * (posted only with postAlways), null when it goes on asynchronously. A failure found now
     * is thrown: the start call returns it and nothing is posted.
     */
    final synchronized Started runNow() throws GskException {
        immediate = true;
        try {
            step();
            return Started.now(result, posted);
        } catch (NeedIo n) {
            return null;
        } catch (GskException | OutOfMemoryError e) { // the start call returns it (Guard: 4 for memory)
            finished = true;
            port.untrack(this);
            throw e;
        } catch (IOException | RuntimeException e) {
            finished = true;
            port.untrack(this);
            throw new GskException(GskStatus.GSK_INTERNAL_ERROR, "unexpected failure: " + e, e);
        } finally {
            immediate = false;
        }
    }

    /** Made in advance: when memory has run out, making the failure could fail too. */
    static final GskException OUT_OF_MEMORY = new GskException(GskStatus.GSK_INSUFFICIENT_STORAGE,
            "memory ran out during the operation");

    /** How a cancelled operation ends (QsoCancelOperation, or the I/O threads shutting down). */
    static GskException cancellation() {
        return GskException.io(Errno.ECANCELED, "the operation was cancelled", null);
    }

    /** Finishes with a result: null for success, else the failure with its facts. False when it had already finished. */
    final boolean complete(GskException failure) {
        Completion c;
        boolean post;
        synchronized (this) {
            if (finished) {
                return false;
            }
            // made before the operation counts as finished: if memory runs out here, a later try still posts
            c = new Completion(kind(), channel.io.session(), failure, bytes(), options.operationId(), options.attachment());
            finished = true;
            result = c;
            post = !immediate || options.postAlways();
        }
        release();
        if (post) {
            synchronized (this) {
                posted = port.deliver(c);
            }
        }
        return true;
    }

    /** The port was destroyed: finish without posting; the buffer is the caller's again. */
    final void abandon() {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
        }
        release();
    }

    /** QsoCancelOperation; false when it had already finished (or cannot be cancelled). */
    boolean cancelled() {
        return complete(cancellation());
    }

    final synchronized boolean isFinished() {
        return finished;
    }

    final long operationId() {
        return options.operationId();
    }

    private void release() {
        Timeout t = timeout;
        if (t != null) {
            t.cancel();
        }
        port.untrack(this);
        try {
            ended();
        } finally {
            channel.wake(); // the I/O thread drops it and recomputes what to wait for
        }
    }
}
