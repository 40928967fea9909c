package io.gsk4j.internal.engine;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * The only class that calls {@link SSLEngine}: it pumps handshake, application data and
 * close_notify between the engine and a socket channel.
 *
 * <p>Invariants:
 * <ul>
 * <li>{@code netIn} is in write mode: [0, position) holds received bytes not yet unwrapped.
 * <li>{@code netOut} and {@code appIn} are in read mode: [position, limit) holds bytes still
 *     to be sent, or decrypted bytes the caller has not taken yet.
 * <li>The channel is non-blocking while the driver owns it; every wait goes through a
 *     {@link ChannelWaiter} with a deadline. A caller whose channel was already non-blocking
 *     gets {@code GSK_WOULD_BLOCK} from read and write instead of a wait.
 * <li>The read lock guards netIn/appIn, the write lock guards netOut. A handshake takes both.
 * </ul>
 * Engine and socket exceptions leave this class unmapped; the session's error mapper turns
 * them into statuses. Only conditions the driver itself detects (timeouts, end of stream
 * during a handshake, would-block) are thrown here as statuses.
 */
public final class TlsDriver implements AutoCloseable {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final long RELEASE_WAIT_MILLIS = 2000;

    private final SSLEngine engine;
    private final SocketChannel channel;
    private final boolean callerNonBlocking;
    private final HelloCapture helloCapture;
    private final ChannelWaiter readWaiter;
    private final ChannelWaiter writeWaiter;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();

    private ByteBuffer netIn;
    private ByteBuffer netOut;
    private ByteBuffer appIn;
    private boolean handshakeBegun;
    private volatile boolean inboundDone;

    public TlsDriver(SSLEngine engine, SocketChannel channel) throws IOException {
        this(engine, channel, null);
    }

    /** @param helloCapture where to copy the peer's first handshake message, or null when nobody needs it */
    public TlsDriver(SSLEngine engine, SocketChannel channel, HelloCapture helloCapture) throws IOException {
        this.engine = engine;
        this.channel = channel;
        this.helloCapture = helloCapture;
        this.callerNonBlocking = !channel.isBlocking();
        channel.configureBlocking(false);
        this.readWaiter = new ChannelWaiter(channel, SelectionKey.OP_READ);
        this.writeWaiter = new ChannelWaiter(channel, SelectionKey.OP_WRITE);
    }

    /** Buffers are taken when the handshake starts: a session that never handshakes holds none. */
    private void allocateBuffers() {
        if (netIn != null) {
            return;
        }
        int packet = engine.getSession().getPacketBufferSize();
        ByteBuffer in = Buffers.allocate(packet);
        ByteBuffer out = Buffers.allocate(packet).flip();
        ByteBuffer app = Buffers.allocate(engine.getSession().getApplicationBufferSize()).flip();
        netIn = in;
        netOut = out;
        appIn = app;
    }

    public SSLEngine engine() {
        return engine;
    }

    // ---------------------------------------------------------------- handshake

    /**
     * Runs the handshake to its end. Safe to call again after an interrupted wait (EINTR):
     * it resumes from the engine's current state.
     */
    public void handshake(Deadline deadline) throws IOException {
        readLock.lock();
        writeLock.lock();
        try {
            if (!handshakeBegun) {
                allocateBuffers();
                engine.beginHandshake();
                handshakeBegun = true;
            }
            while (true) {
                HandshakeStatus status = engine.getHandshakeStatus();
                switch (status) {
                    case NEED_WRAP:
                        try {
                            wrap(EMPTY, deadline);
                        } catch (IOException e) {
                            throw peerAlertOr(e);
                        }
                        break;
                    case NEED_UNWRAP:
                    case NEED_UNWRAP_AGAIN:
                        unwrapForHandshake(deadline, status == HandshakeStatus.NEED_UNWRAP_AGAIN);
                        break;
                    case NEED_TASK:
                        runTasks();
                        break;
                    default: // FINISHED, NOT_HANDSHAKING
                        flush(deadline, true);
                        return;
                }
            }
        } finally {
            writeLock.unlock();
            readLock.unlock();
        }
    }

    private void unwrapForHandshake(Deadline deadline, boolean again) throws IOException {
        if (netIn.position() == 0 && !again) {
            fill(deadline, true);
        }
        SSLEngineResult result = unwrapInto(appIn);
        switch (result.getStatus()) {
            case BUFFER_UNDERFLOW:
                fill(deadline, true);
                break;
            case CLOSED:
                inboundDone = true;
                throw new GskException(GskStatus.GSK_ERROR_SOCKET_CLOSED, "the peer closed the TLS session during the handshake");
            default:
                break;
        }
    }

    /**
     * A write that fails mid-handshake usually means the peer refused us and closed: its alert
     * may already be here. Reading it gives the real reason (a bad_certificate, say) instead of
     * a broken pipe. Only what has arrived is read; nothing waits.
     */
    private IOException peerAlertOr(IOException writeFailure) {
        if (writeFailure instanceof SSLException || writeFailure instanceof GskException) {
            return writeFailure;
        }
        try {
            for (int i = 0; i < 8; i++) {
                int n = channel.read(netIn);
                if (netIn.position() > 0) {
                    SSLEngineResult r = unwrapInto(appIn); // a received alert throws here
                    if (r.getStatus() == SSLEngineResult.Status.CLOSED || r.bytesConsumed() == 0 && n <= 0) {
                        break;
                    }
                } else if (n <= 0) {
                    break;
                }
            }
        } catch (SSLException alert) {
            alert.addSuppressed(writeFailure);
            return alert;
        } catch (IOException | RuntimeException ignored) {
            // nothing more to learn from the peer
        }
        return writeFailure;
    }

    /**
     * After a failed handshake the engine usually holds an alert for the peer: send it, within
     * a short wait, so the peer learns why (Netty, Go and rustls do the same).
     */
    public void flushAlert(Deadline deadline) {
        if (netOut == null || !writeLock.tryLock()) {
            return;
        }
        try {
            engine.closeOutbound();
            for (int i = 0; i < 4 && !engine.isOutboundDone(); i++) {
                netOut.compact();
                try {
                    engine.wrap(EMPTY, netOut);
                } finally {
                    netOut.flip();
                }
            }
            flush(deadline, true);
        } catch (IOException | RuntimeException ignored) {
            // best effort: the handshake has already failed with its own status
        } finally {
            writeLock.unlock();
        }
    }

    // ---------------------------------------------------------------- data

    /**
     * Reads decrypted data into {@code dst}. Returns the byte count, or -1 at end of stream
     * (the peer's close_notify, or the connection closed without one).
     */
    public int read(ByteBuffer dst, Deadline deadline) throws IOException {
        readLock.lock();
        try {
            while (true) {
                if (appIn.hasRemaining()) {
                    return transfer(appIn, dst);
                }
                if (inboundDone) {
                    return -1;
                }
                if (netIn.position() == 0) {
                    if (!fill(deadline, false)) {
                        inboundDone = true;
                        return -1;
                    }
                }
                // decrypt straight into the caller's buffer when a whole record fits there
                boolean direct = dst.remaining() >= engine.getSession().getApplicationBufferSize();
                ByteBuffer target = direct ? dst : appIn;
                SSLEngineResult result = direct ? engine.unwrap(flipped(netIn), dst) : unwrapInto(appIn);
                if (direct) {
                    netIn.compact();
                }
                afterDataUnwrap(result, deadline);
                switch (result.getStatus()) {
                    case OK:
                        if (direct && result.bytesProduced() > 0) {
                            return result.bytesProduced();
                        }
                        break;
                    case CLOSED:
                        inboundDone = true;
                        break;
                    case BUFFER_UNDERFLOW:
                        growNetInIfFull();
                        if (!fill(deadline, false)) {
                            inboundDone = true;
                        }
                        break;
                    case BUFFER_OVERFLOW:
                        appIn = grow(appIn, engine.getSession().getApplicationBufferSize(), true);
                        break;
                    default:
                        throw new IllegalStateException("unexpected unwrap status " + result.getStatus() + " for " + target);
                }
            }
        } finally {
            readLock.unlock();
        }
    }

    private void afterDataUnwrap(SSLEngineResult result, Deadline deadline) throws IOException {
        // post-handshake messages (TLS 1.3 key update, a renegotiation) may need an answer
        HandshakeStatus hs = result.getHandshakeStatus();
        while (hs == HandshakeStatus.NEED_TASK || hs == HandshakeStatus.NEED_WRAP) {
            if (hs == HandshakeStatus.NEED_TASK) {
                runTasks();
            } else {
                writeLock.lock();
                try {
                    wrap(EMPTY, deadline);
                } finally {
                    writeLock.unlock();
                }
            }
            hs = engine.getHandshakeStatus();
        }
    }

    /** Encrypts and sends all of {@code src}; returns the bytes consumed. */
    public int write(ByteBuffer src, Deadline deadline) throws IOException {
        writeLock.lock();
        try {
            int consumed = 0;
            while (src.hasRemaining()) {
                int before = src.remaining();
                if (!wrap(src, deadline)) {
                    if (consumed == 0 && before == src.remaining()) {
                        throw new GskException(GskStatus.GSK_WOULD_BLOCK, "the socket cannot take more data now");
                    }
                    return consumed + (before - src.remaining());
                }
                consumed += before - src.remaining();
            }
            return consumed;
        } finally {
            writeLock.unlock();
        }
    }

    /** Sends close_notify; the inbound side stays open until the peer's own close_notify. */
    public void closeOutbound(Deadline deadline) throws IOException {
        writeLock.lock();
        try {
            engine.closeOutbound();
            while (!engine.isOutboundDone()) {
                wrap(EMPTY, deadline);
            }
            flush(deadline, true);
        } finally {
            writeLock.unlock();
        }
    }

    /** Tries to send close_notify within the deadline, without waiting behind a stuck writer. */
    public void closeOutboundQuietly(Deadline deadline) {
        try {
            if (writeLock.tryLock(deadline.remainingMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    closeOutbound(deadline);
                } finally {
                    writeLock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException ignored) {
            // the session is going away; a peer that cannot take close_notify loses nothing more
        }
    }

    // ---------------------------------------------------------------- engine calls

    /**
     * Wraps from {@code src} and sends the result. Returns false only for a non-blocking caller
     * whose socket could not take the record now (the record stays queued in netOut).
     */
    private boolean wrap(ByteBuffer src, Deadline deadline) throws IOException {
        while (true) {
            netOut.compact();
            SSLEngineResult result;
            try {
                result = engine.wrap(src, netOut);
            } finally {
                netOut.flip();
            }
            switch (result.getStatus()) {
                case OK:
                case CLOSED:
                    if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                        runTasks();
                    }
                    return flush(deadline, !handshakeDone());
                case BUFFER_OVERFLOW:
                    if (netOut.hasRemaining()) {
                        if (!flush(deadline, !handshakeDone())) {
                            return false;
                        }
                    } else {
                        netOut = grow(netOut, engine.getSession().getPacketBufferSize(), true);
                    }
                    break;
                default:
                    throw new SSLException("unexpected wrap status " + result.getStatus());
            }
        }
    }

    private SSLEngineResult unwrapInto(ByteBuffer readModeBuffer) throws SSLException {
        readModeBuffer.compact();
        try {
            return engine.unwrap(flipped(netIn), readModeBuffer);
        } finally {
            netIn.compact();
            readModeBuffer.flip();
        }
    }

    private static ByteBuffer flipped(ByteBuffer writeMode) {
        return writeMode.flip();
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private boolean handshakeDone() {
        HandshakeStatus hs = engine.getHandshakeStatus();
        return hs == HandshakeStatus.NOT_HANDSHAKING || hs == HandshakeStatus.FINISHED;
    }

    // ---------------------------------------------------------------- socket I/O

    /**
     * Reads more bytes into netIn. Returns false at end of stream (outside a handshake);
     * during a handshake end of stream is the {@code GSK_ERROR_SOCKET_CLOSED} status.
     */
    private boolean fill(Deadline deadline, boolean handshaking) throws IOException {
        growNetInIfFull();
        while (true) {
            int n = channel.read(netIn);
            if (n > 0) {
                if (helloCapture != null && handshaking) {
                    ByteBuffer fresh = netIn.duplicate().flip();
                    helloCapture.add(fresh.position(fresh.limit() - n));
                }
                return true;
            }
            if (n < 0) {
                if (handshaking) {
                    throw new GskException(GskStatus.GSK_ERROR_SOCKET_CLOSED,
                            "the peer closed the connection during the handshake");
                }
                return false;
            }
            if (callerNonBlocking && !handshaking) {
                throw new GskException(GskStatus.GSK_WOULD_BLOCK, "no complete record has arrived yet");
            }
            if (!readWaiter.await(deadline)) {
                throw new GskException(GskStatus.GSK_IBMI_ERROR_TIMED_OUT, handshaking
                        ? "the handshake did not complete within GSK_HANDSHAKE_TIMEOUT"
                        : "no data arrived within GSK_IBMI_READ_TIMEOUT");
            }
        }
    }

    /** Writes netOut out; false only when a non-blocking caller's socket is full. */
    private boolean flush(Deadline deadline, boolean handshaking) throws IOException {
        while (netOut.hasRemaining()) {
            if (channel.write(netOut) > 0) {
                continue;
            }
            if (callerNonBlocking && !handshaking) {
                return false;
            }
            if (!writeWaiter.await(deadline)) {
                throw new GskException(GskStatus.GSK_IBMI_ERROR_TIMED_OUT, handshaking
                        ? "the handshake did not complete within GSK_HANDSHAKE_TIMEOUT"
                        : "the peer did not take the data in time");
            }
        }
        return true;
    }

    private void growNetInIfFull() {
        if (!netIn.hasRemaining()) {
            netIn = grow(netIn, engine.getSession().getPacketBufferSize(), false);
        }
    }

    /** A larger copy; records never exceed the engine's sizes, so the growth is bounded. */
    private static ByteBuffer grow(ByteBuffer buffer, int atLeast, boolean readMode) {
        int size = Math.max(atLeast, buffer.capacity() * 2);
        if (size > 1 << 20) {
            throw new IllegalStateException("TLS buffer would exceed 1 MiB");
        }
        ByteBuffer bigger = Buffers.allocate(size);
        if (readMode) {
            bigger.put(buffer).flip();
        } else {
            bigger.put(buffer.flip());
        }
        return bigger;
    }

    private static int transfer(ByteBuffer from, ByteBuffer to) {
        int n = Math.min(from.remaining(), to.remaining());
        if (n == from.remaining()) {
            to.put(from);
        } else {
            ByteBuffer slice = from.slice().limit(n);
            to.put(slice);
            from.position(from.position() + n);
        }
        return n;
    }

    // ---------------------------------------------------------------- close

    /** Wakes threads blocked in read or write; they return {@code GSK_IBMI_ERROR_CLOSED}. */
    public void wakeUpWaiters() {
        readWaiter.wakeUp();
        writeWaiter.wakeUp();
    }

    /**
     * Releases the driver's selectors and hands the channel back in the blocking mode the
     * caller gave it. Never closes the channel: it belongs to the caller.
     *
     * <p>Closing the waiters first makes any thread still inside the driver leave at its next
     * wait; only once both locks are free is the channel switched back to blocking, because a
     * thread that found it blocking mid-handshake would block without a deadline. A thread
     * that does not leave within the bound keeps the channel non-blocking (and never hangs).
     */
    @Override
    public void close() {
        readWaiter.close();
        writeWaiter.close();
        boolean reading = false;
        boolean writing = false;
        try {
            reading = readLock.tryLock(RELEASE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            writing = reading && writeLock.tryLock(RELEASE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            if (writing) {
                if (!callerNonBlocking && channel.isOpen()) {
                    channel.configureBlocking(true);
                }
                // plaintext the caller never read is dropped; clear it rather than leave it on the heap
                if (appIn != null) {
                    zero(appIn);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException ignored) {
            // closed meanwhile: nothing left to restore
        } finally {
            if (writing) {
                writeLock.unlock();
            }
            if (reading) {
                readLock.unlock();
            }
        }
    }

    private static void zero(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            java.util.Arrays.fill(buffer.array(), (byte) 0);
        }
    }
}
