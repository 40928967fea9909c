package io.gsk4j.async;

import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.internal.engine.NeedIo;
import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's socket on its I/O thread: the selection key (registered once, kept with no
 * interest while idle) and the operations waiting on it — at most one handshake, then
 * receives and sends, each served in the order they were started.
 */
final class AsyncChannel {
    private static final long RETRY_MILLIS = 5;

    final SessionIo io;
    final IoLoop loop;

    private HandshakeOperation handshake; // guarded by this
    private final ArrayDeque<Operation> receives = new ArrayDeque<>(2); // guarded by this
    private final ArrayDeque<Operation> sends = new ArrayDeque<>(2); // guarded by this
    private volatile SelectionKey key; // set on the loop thread; cancelled by detach from any thread
    private boolean pumping; // loop thread only
    private volatile boolean detached;

    AsyncChannel(SessionIo io, IoLoop loop) {
        this.io = io;
        this.loop = loop;
    }

    boolean socketOpen() {
        return io.channel().isOpen();
    }

    // ---- starting (any thread) ----

    Started startHandshake(HandshakeOperation op, long timeoutMillis) throws GskException {
        track(op);
        synchronized (this) {
            handshake = op;
        }
        op.timeoutAfter(loop, timeoutMillis);
        loop.execute(this::pump); // even the first flight is sent by the I/O thread
        return Started.later();
    }

    /** A receive or send: tried at once when nothing of its kind is queued, else queued. */
    Started startData(Operation op, boolean receive) throws GskException {
        track(op);
        synchronized (this) {
            ArrayDeque<Operation> queue = receive ? receives : sends;
            if (queue.isEmpty()) {
                Started now = op.runNow();
                if (now != null) {
                    return now;
                }
            }
            queue.add(op);
        }
        op.timeoutAfter(loop, op.options.waitTime().toMillis());
        loop.execute(this::pump);
        return Started.later();
    }

    private void track(Operation op) throws GskException {
        if (!op.port.track(op)) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT, "the completion port was destroyed");
        }
    }

    // ---- the I/O thread ----

    /** Runs every waiting operation as far as it goes and waits for what they need. */
    void pump() {
        if (detached) {
            loop.busy(this, false);
            return;
        }
        if (!socketOpen()) {
            failAll(true);
            return;
        }
        int interest = 0;
        boolean locked = false;
        boolean pending;
        pumping = true;
        try {
            synchronized (this) {
                if (handshake != null) {
                    int r = handshake.run();
                    if (r == Operation.DONE) {
                        handshake = null;
                    } else if (r == Operation.LOCKED) {
                        locked = true;
                    } else {
                        interest |= r;
                    }
                }
                int r = runQueue(receives);
                locked |= r == Operation.LOCKED;
                interest |= Math.max(r, 0);
                r = runQueue(sends);
                locked |= r == Operation.LOCKED;
                interest |= Math.max(r, 0);
                pending = handshake != null || !receives.isEmpty() || !sends.isEmpty();
            }
            if ((interest & SelectionKey.OP_WRITE) == 0 && io.hasPendingOutput()) {
                // an answer a receive queued (a TLS 1.3 key update) still has to go out
                try {
                    io.flushPending();
                } catch (NeedIo n) {
                    locked |= n == NeedIo.LOCKED;
                    interest |= n.ops();
                } catch (IOException e) {
                    // the next operation on this session meets the same failure and reports it
                }
            }
        } finally {
            pumping = false;
        }
        if (locked) {
            loop.schedule(RETRY_MILLIS, this::pump);
        }
        loop.busy(this, pending);
        interest(interest);
    }

    private static int runQueue(ArrayDeque<Operation> queue) {
        while (!queue.isEmpty()) {
            int r = queue.peek().run();
            if (r != Operation.DONE) {
                return r;
            }
            queue.poll();
        }
        return 0;
    }

    private void interest(int ops) {
        try {
            if (key != null && key.isValid()) {
                if (key.interestOps() != ops) {
                    key.interestOps(ops);
                }
                return;
            }
            if (ops != 0 && !detached) {
                key = io.channel().register(loop.selector(), ops, this);
            }
        } catch (ClosedChannelException | CancelledKeyException e) {
            failAll(true);
        }
    }

    /** Any thread: the I/O thread should look at this channel again. */
    void wake() {
        if (!(loop.inLoop() && pumping)) {
            loop.execute(this::pump);
        }
    }

    // ---- ending (any thread) ----

    private synchronized List<Operation> snapshot(long operationId) {
        List<Operation> out = new ArrayList<>();
        if (handshake != null && (operationId == 0 || handshake.operationId() == operationId)) {
            out.add(handshake);
        }
        for (Operation op : receives) {
            if (operationId == 0 || op.operationId() == operationId) {
                out.add(op);
            }
        }
        for (Operation op : sends) {
            if (operationId == 0 || op.operationId() == operationId) {
                out.add(op);
            }
        }
        return out;
    }

    /**
     * QsoCancelOperation: every pending operation with this identifier (0 = all) completes with
     * ECANCELED. As on IBM i, none is cancelled when one of them cannot be (a handshake already
     * under way). Returns how many were cancelled.
     */
    int cancel(long operationId) {
        List<Operation> matching = snapshot(operationId);
        for (Operation op : matching) {
            if (op instanceof HandshakeOperation && !((HandshakeOperation) op).interruptible()) {
                return 0;
            }
        }
        int n = 0;
        for (Operation op : matching) {
            if (op.cancelled()) {
                n++;
            }
        }
        return n;
    }

    /** The socket was closed under the operations (ECLOSED), or the session (its own status). */
    void failAll(boolean socketClosed) {
        for (Operation op : snapshot(0)) {
            if (!socketClosed) {
                op.complete(new GskException(GskStatus.GSK_IBMI_ERROR_CLOSED, "the session was closed while the operation was pending"));
            } else if (op instanceof HandshakeOperation) {
                ((HandshakeOperation) op).socketClosed(GskException.io(Errno.ECLOSED, "the socket was closed", null));
            } else {
                op.complete(GskException.io(Errno.ECLOSED, "the socket was closed", null));
            }
        }
    }

    /**
     * Takes the socket off the I/O thread's selector, so the session can hand it back in
     * blocking mode. Never waits: a cancelled key no longer counts against
     * {@code configureBlocking(true)}, and the wakeup lets the selector drop it at once
     * (until then a close of the socket would be deferred).
     */
    void detach() {
        detached = true;
        SelectionKey k = key;
        if (k != null) {
            k.cancel();
        }
        loop.execute(this::pump); // leaves the sweep's list; also wakes the selector
    }
}
