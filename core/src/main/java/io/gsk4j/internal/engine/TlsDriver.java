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
 * <li>The channel is non-blocking while the driver owns it. How a call waits is its
 *     {@link IoMode}: the synchronous calls wait through a {@link ChannelWaiter} with a
 *     deadline (a caller whose channel was already non-blocking gets {@code GSK_WOULD_BLOCK}
 *     from read and write instead); the asynchronous path never waits, it throws
 *     {@link NeedIo} and the I/O thread runs the same step again when the socket is ready.
 * <li>The read lock guards netIn/appIn, the write lock guards netOut. A handshake takes both.
 * <li>Buffers are taken when the handshake starts and given back to {@link Buffers} whenever
 *     they are empty, so an idle session (a reader waiting for data, or no call at all) holds
 *     none; any of the three fields may then be null and is taken again on demand.
 * </ul>
 * Engine and socket exceptions leave this class unmapped; the session's error mapper turns
 * them into statuses. Only conditions the driver itself detects (timeouts, end of stream
 * during a handshake, would-block) are thrown here as statuses.
 */
public final class TlsDriver implements AutoCloseable {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final long RELEASE_WAIT_MILLIS = 2000;
    private static final int RECORD_HEADER = 5;
    /** Measurement switch (docs/BENCHMARKS.md): keep idle sessions' buffers, to show what releasing them saves. */
    private static final boolean KEEP_IDLE_BUFFERS = Boolean.getBoolean("gsk4j.keepIdleBuffers");

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
    /** Set by close() under both locks: the channel may be blocking again, so no asynchronous step may touch it. */
    private volatile boolean closed;
    /** Any byte sent or received: from then on a handshake can no longer be called off cleanly. */
    private volatile boolean negotiationBegun;
    /** The fatal alert flushAlert saw leave in the clear, or null. */
    private volatile io.gsk4j.TlsAlert alertSent;
    /**
     * Bytes of a non-blocking caller's data already sealed into a record that is not fully on
     * the wire. The write that sealed them said WOULD_BLOCK; the retry reports them once sent.
     */
    private int committed;

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

    public SSLEngine engine() {
        return engine;
    }

    /** Whether any byte of the handshake has crossed the socket yet. */
    public boolean negotiationBegun() {
        return negotiationBegun;
    }

    // ---------------------------------------------------------------- buffers

    /** Buffers are taken when the handshake starts: a session that never handshakes holds none. */
    private void allocateBuffers() {
        takeReadBuffers();
        netOut();
    }

    private void takeReadBuffers() {
        if (netIn == null) {
            netIn = Buffers.take(engine.getSession().getPacketBufferSize());
        }
        if (appIn == null) {
            appIn = Buffers.take(engine.getSession().getApplicationBufferSize()).flip();
        }
    }

    /** Gives netIn and appIn back when neither holds a byte (under the read lock). */
    private void releaseReadBuffersIfEmpty() {
        if (!KEEP_IDLE_BUFFERS && netIn != null && appIn != null && netIn.position() == 0 && !appIn.hasRemaining()) {
            zeroUsed(appIn); // it held plaintext: clear it before anyone else gets it
            Buffers.give(netIn);
            Buffers.give(appIn);
            netIn = null;
            appIn = null;
        }
    }

    private ByteBuffer netOut() {
        if (netOut == null) {
            netOut = Buffers.take(engine.getSession().getPacketBufferSize()).flip();
        }
        return netOut;
    }

    /** Gives netOut back when everything in it was sent (under the write lock). */
    private void releaseNetOutIfEmpty() {
        if (!KEEP_IDLE_BUFFERS && netOut != null && !netOut.hasRemaining()) {
            Buffers.give(netOut);
            netOut = null;
        }
    }

    // ---------------------------------------------------------------- handshake

    /**
     * Runs the handshake to its end. Safe to call again after an interrupted wait (EINTR):
     * it resumes from the engine's current state.
     */
    public void handshake(Deadline deadline) throws IOException {
        handshake(deadline, IoMode.BLOCKING);
    }

    /**
     * Runs the handshake as far as {@code mode} allows. In {@link IoMode#ASYNC} it returns only
     * when the handshake is done and throws {@link NeedIo} whenever the socket is not ready;
     * calling it again resumes.
     */
    public void handshake(Deadline deadline, IoMode mode) throws IOException {
        lockBoth(mode);
        try {
            checkOpen(mode);
            if (!handshakeBegun) {
                allocateBuffers();
                engine.beginHandshake();
                handshakeBegun = true;
            }
            takeReadBuffers();
            // an earlier asynchronous step may have left a record half sent: it goes first
            flush(deadline, true, mode);
            while (true) {
                HandshakeStatus status = engine.getHandshakeStatus();
                switch (status) {
                    case NEED_WRAP:
                        // records of one flight are sealed together and leave in one write: sent
                        // one by one, the last small record waits out the peer's delayed ACK (Nagle)
                        if (!seal()) {
                            sendFlight(deadline, mode);
                        }
                        break;
                    case NEED_UNWRAP:
                    case NEED_UNWRAP_AGAIN:
                        sendFlight(deadline, mode);
                        unwrapForHandshake(deadline, status == HandshakeStatus.NEED_UNWRAP_AGAIN, mode);
                        break;
                    case NEED_TASK:
                        runTasks();
                        break;
                    default: // FINISHED, NOT_HANDSHAKING
                        sendFlight(deadline, mode);
                        releaseReadBuffersIfEmpty();
                        releaseNetOutIfEmpty();
                        return;
                }
            }
        } finally {
            writeLock.unlock();
            readLock.unlock();
        }
    }

    /** Seals one handshake record into netOut without sending it; false when netOut has no room. */
    private boolean seal() throws IOException {
        ByteBuffer out = netOut();
        out.compact();
        SSLEngineResult result;
        try {
            result = engine.wrap(EMPTY, out);
        } finally {
            out.flip();
        }
        switch (result.getStatus()) {
            case OK:
            case CLOSED:
                if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                    runTasks();
                }
                return true;
            case BUFFER_OVERFLOW:
                if (!netOut.hasRemaining()) {
                    netOut = grow(netOut, engine.getSession().getPacketBufferSize(), true);
                    return true; // room now: seal again
                }
                return false;
            default:
                throw new SSLException("unexpected wrap status " + result.getStatus());
        }
    }

    /** Sends the sealed flight; a failure reads the peer's alert first (see peerAlertOr). */
    private void sendFlight(Deadline deadline, IoMode mode) throws IOException {
        try {
            flush(deadline, true, mode);
        } catch (IOException e) {
            throw peerAlertOr(e);
        }
    }

    private void lockBoth(IoMode mode) throws NeedIo {
        if (mode == IoMode.BLOCKING) {
            readLock.lock();
            writeLock.lock();
            return;
        }
        // the I/O thread must never wait behind a synchronous caller of the same session
        if (!readLock.tryLock()) {
            throw NeedIo.LOCKED;
        }
        if (!writeLock.tryLock()) {
            readLock.unlock();
            throw NeedIo.LOCKED;
        }
    }

    private void unwrapForHandshake(Deadline deadline, boolean again, IoMode mode) throws IOException {
        if (netIn.position() == 0 && !again) {
            fill(deadline, true, mode);
        }
        SSLEngineResult result = unwrapInto(appIn);
        switch (result.getStatus()) {
            case BUFFER_UNDERFLOW:
                fill(deadline, true, mode);
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
        if (writeFailure instanceof SSLException || writeFailure instanceof GskException
                || writeFailure instanceof NeedIo) {
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
        flushAlert(deadline, IoMode.BLOCKING);
    }

    /** As {@link #flushAlert(Deadline)}; in {@link IoMode#ASYNC} only what the socket takes at once is sent. */
    public void flushAlert(Deadline deadline, IoMode mode) {
        if (!handshakeBegun || !writeLock.tryLock()) {
            return;
        }
        try {
            engine.closeOutbound();
            for (int i = 0; i < 4 && !engine.isOutboundDone(); i++) {
                ByteBuffer out = netOut();
                out.compact();
                try {
                    engine.wrap(EMPTY, out);
                } finally {
                    out.flip();
                }
            }
            alertSent = Alerts.plaintextFatalAlert(netOut);
            flush(deadline, true, mode);
        } catch (IOException | RuntimeException ignored) {
            // best effort: the handshake has already failed with its own status
        } finally {
            writeLock.unlock();
        }
    }

    /** The fatal alert sent after a failed handshake, when it left in the clear; null otherwise. */
    public io.gsk4j.TlsAlert alertSent() {
        return alertSent;
    }

    // ---------------------------------------------------------------- data

    /**
     * Reads decrypted data into {@code dst}. Returns the byte count, or -1 at end of stream
     * (the peer's close_notify, or the connection closed without one). Plaintext already
     * decrypted is always returned before the socket is asked, so a non-blocking caller never
     * gets {@code GSK_WOULD_BLOCK} while data it could have is held here.
     */
    public int read(ByteBuffer dst, Deadline deadline) throws IOException {
        readLock.lock();
        try {
            takeReadBuffers();
            return readSome(dst, deadline, IoMode.BLOCKING);
        } finally {
            releaseReadBuffersIfEmpty();
            readLock.unlock();
        }
    }

    /**
     * The asynchronous read: like {@link #read} but throws {@link NeedIo} instead of waiting.
     * Returns the byte count (at least 1), or -1 at end of stream.
     */
    public int receive(ByteBuffer dst) throws IOException {
        if (!readLock.tryLock()) {
            throw NeedIo.LOCKED;
        }
        try {
            checkOpen(IoMode.ASYNC);
            takeReadBuffers();
            return readSome(dst, Deadline.NONE, IoMode.ASYNC);
        } finally {
            releaseReadBuffersIfEmpty();
            readLock.unlock();
        }
    }

    private int readSome(ByteBuffer dst, Deadline deadline, IoMode mode) throws IOException {
        while (true) {
            if (appIn.hasRemaining()) {
                return transfer(appIn, dst);
            }
            if (inboundDone) {
                return -1;
            }
            if (netIn.position() == 0) {
                if (!fill(deadline, false, mode)) {
                    inboundDone = true;
                    return -1;
                }
            }
            // decrypt straight into the caller's buffer when a whole record fits there
            boolean direct = dst.remaining() >= engine.getSession().getApplicationBufferSize();
            SSLEngineResult result;
            if (direct) {
                Alerts.refuseOnPlaintextFatalAlert(netIn);
                try {
                    result = engine.unwrap(flipped(netIn), dst);
                } finally {
                    netIn.compact();
                }
            } else {
                result = unwrapInto(appIn);
            }
            afterDataUnwrap(result, deadline, mode);
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
                    if (!fill(deadline, false, mode)) {
                        inboundDone = true;
                    }
                    break;
                case BUFFER_OVERFLOW:
                    appIn = grow(appIn, engine.getSession().getApplicationBufferSize(), true);
                    break;
                default:
                    throw new IllegalStateException("unexpected unwrap status " + result.getStatus());
            }
        }
    }

    /**
     * Plaintext that a read would return without touching the socket (like OpenSSL's
     * SSL_pending): records that have arrived whole are decrypted first, so a caller that
     * polls the socket only when this is 0 never strands data. -1 when the peer's
     * close_notify was received and every byte before it was read. 0 while another thread
     * is inside read (the bytes are that thread's).
     */
    public int bytesBuffered() throws IOException {
        if (!readLock.tryLock()) {
            return 0;
        }
        try {
            while (appIn != null && !appIn.hasRemaining() && !inboundDone && wholeRecordBuffered()) {
                SSLEngineResult result = unwrapInto(appIn);
                afterDataUnwrap(result, Deadline.NONE, IoMode.ASYNC);
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    inboundDone = true;
                } else if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    appIn = grow(appIn, engine.getSession().getApplicationBufferSize(), true);
                } else if (result.getStatus() != SSLEngineResult.Status.OK) {
                    break;
                }
            }
            int plain = appIn == null ? 0 : appIn.remaining();
            return plain == 0 && inboundDone ? -1 : plain;
        } finally {
            releaseReadBuffersIfEmpty();
            readLock.unlock();
        }
    }

    /** Whether netIn starts with a complete TLS record (type, version, 2-byte length, body). */
    private boolean wholeRecordBuffered() {
        if (netIn == null || netIn.position() < RECORD_HEADER) {
            return false;
        }
        int length = ((netIn.get(3) & 0xFF) << 8) | (netIn.get(4) & 0xFF);
        return netIn.position() >= RECORD_HEADER + length;
    }

    private void afterDataUnwrap(SSLEngineResult result, Deadline deadline, IoMode mode) throws IOException {
        // post-handshake messages (TLS 1.3 key update, a renegotiation) may need an answer
        HandshakeStatus hs = result.getHandshakeStatus();
        while (hs == HandshakeStatus.NEED_TASK || hs == HandshakeStatus.NEED_WRAP) {
            if (hs == HandshakeStatus.NEED_TASK) {
                runTasks();
            } else if (mode == IoMode.BLOCKING && !callerNonBlocking) {
                writeLock.lock();
                try {
                    wrap(EMPTY, deadline, mode);
                } finally {
                    releaseNetOutIfEmpty();
                    writeLock.unlock();
                }
            } else if (!answerWithoutWaiting()) {
                return; // the next write or flush sends the answer
            }
            hs = engine.getHandshakeStatus();
        }
    }

    /**
     * A reader that must not wait queues the engine's answer in netOut and sends what the
     * socket takes now; the rest goes with the next write or asynchronous flush.
     */
    private boolean answerWithoutWaiting() throws IOException {
        if (!writeLock.tryLock()) {
            return false;
        }
        try {
            ByteBuffer out = netOut();
            out.compact();
            SSLEngineResult r;
            try {
                r = engine.wrap(EMPTY, out);
            } finally {
                out.flip();
            }
            sendWhatFits();
            return r.getStatus() == SSLEngineResult.Status.OK && r.bytesProduced() > 0;
        } finally {
            releaseNetOutIfEmpty();
            writeLock.unlock();
        }
    }

    /** Writes netOut without waiting; true when it is empty. */
    private boolean sendWhatFits() throws IOException {
        while (netOut != null && netOut.hasRemaining()) {
            if (channel.write(netOut) == 0) {
                return false;
            }
            negotiationBegun = true;
        }
        return true;
    }

    /**
     * Encrypts and sends {@code src}; returns the bytes consumed. A caller whose channel is
     * non-blocking gets a partial count, or {@code GSK_WOULD_BLOCK} when nothing could be
     * sent; it must call again with the same data (as with OpenSSL): a record sealed but not
     * yet on the wire is sent first and then reported, so nothing is lost or sent twice.
     */
    public int write(ByteBuffer src, Deadline deadline) throws IOException {
        writeLock.lock();
        try {
            if (committed > 0) {
                if (!flush(deadline, false, IoMode.BLOCKING)) {
                    throw wouldBlock();
                }
                int n = Math.min(committed, src.remaining());
                committed -= n;
                src.position(src.position() + n);
                return n;
            }
            int consumed = 0;
            while (src.hasRemaining()) {
                int before = src.remaining();
                boolean sent = wrap(src, deadline, IoMode.BLOCKING);
                int took = before - src.remaining();
                if (!sent) {
                    // report these bytes only once their record is on the wire (the retry does)
                    committed = took;
                    src.position(src.position() - took);
                    if (consumed == 0) {
                        throw wouldBlock();
                    }
                    return consumed;
                }
                consumed += took;
            }
            return consumed;
        } finally {
            releaseNetOutIfEmpty();
            writeLock.unlock();
        }
    }

    private static GskException wouldBlock() {
        return new GskException(GskStatus.GSK_WOULD_BLOCK, "the socket cannot take more data now");
    }

    /**
     * The asynchronous send: returns when all of {@code src} is encrypted and on the wire;
     * throws {@link NeedIo} otherwise, with {@code src}'s position showing what was consumed.
     */
    public void send(ByteBuffer src) throws IOException {
        if (!writeLock.tryLock()) {
            throw NeedIo.LOCKED;
        }
        try {
            checkOpen(IoMode.ASYNC);
            flush(Deadline.NONE, false, IoMode.ASYNC);
            while (src.hasRemaining()) {
                wrap(src, Deadline.NONE, IoMode.ASYNC);
            }
        } finally {
            releaseNetOutIfEmpty();
            writeLock.unlock();
        }
    }

    /** Whether encrypted bytes wait in netOut (a hint for the I/O thread; read without the lock). */
    public boolean hasPendingOutput() {
        ByteBuffer out = netOut;
        return out != null && out.hasRemaining();
    }

    /** Sends what waits in netOut without waiting; throws {@link NeedIo} while some is left. */
    public void flushPending() throws IOException {
        if (!writeLock.tryLock()) {
            throw NeedIo.LOCKED;
        }
        try {
            checkOpen(IoMode.ASYNC);
            flush(Deadline.NONE, false, IoMode.ASYNC);
        } finally {
            releaseNetOutIfEmpty();
            writeLock.unlock();
        }
    }

    /** Under a lock: an asynchronous step after close() must not touch a channel that may block again. */
    private void checkOpen(IoMode mode) throws GskException {
        if (closed && mode == IoMode.ASYNC) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_CLOSED, "the session was closed");
        }
    }

    /** Sends close_notify; the inbound side stays open until the peer's own close_notify. */
    public void closeOutbound(Deadline deadline) throws IOException {
        writeLock.lock();
        try {
            engine.closeOutbound();
            while (!engine.isOutboundDone()) {
                wrap(EMPTY, deadline, IoMode.BLOCKING);
            }
            flush(deadline, true, IoMode.BLOCKING);
        } finally {
            releaseNetOutIfEmpty();
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
    private boolean wrap(ByteBuffer src, Deadline deadline, IoMode mode) throws IOException {
        while (true) {
            ByteBuffer out = netOut();
            out.compact();
            SSLEngineResult result;
            try {
                result = engine.wrap(src, out);
            } finally {
                out.flip();
            }
            switch (result.getStatus()) {
                case OK:
                case CLOSED:
                    if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                        runTasks();
                    }
                    return flush(deadline, !handshakeDone(), mode);
                case BUFFER_OVERFLOW:
                    if (netOut.hasRemaining()) {
                        if (!flush(deadline, !handshakeDone(), mode)) {
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
        Alerts.refuseOnPlaintextFatalAlert(netIn);
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
    private boolean fill(Deadline deadline, boolean handshaking, IoMode mode) throws IOException {
        growNetInIfFull();
        while (true) {
            int n = channel.read(netIn);
            if (n > 0) {
                negotiationBegun = true;
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
            if (mode == IoMode.ASYNC) {
                throw NeedIo.READ;
            }
            if (callerNonBlocking && !handshaking) {
                throw new GskException(GskStatus.GSK_WOULD_BLOCK, "no complete record has arrived yet");
            }
            // a reader waiting on an idle connection keeps no buffers meanwhile
            boolean idle = !handshaking && netIn.position() == 0 && !appIn.hasRemaining();
            if (idle) {
                releaseReadBuffersIfEmpty();
            }
            boolean ready = readWaiter.await(deadline);
            if (idle) {
                takeReadBuffers();
            }
            if (!ready) {
                throw new GskException(GskStatus.GSK_IBMI_ERROR_TIMED_OUT, handshaking
                        ? "the handshake did not complete within GSK_HANDSHAKE_TIMEOUT"
                        : "no data arrived within GSK_IBMI_READ_TIMEOUT");
            }
        }
    }

    /** Writes netOut out; false only when a non-blocking caller's socket is full. */
    private boolean flush(Deadline deadline, boolean handshaking, IoMode mode) throws IOException {
        while (netOut != null && netOut.hasRemaining()) {
            if (channel.write(netOut) > 0) {
                negotiationBegun = true;
                continue;
            }
            if (mode == IoMode.ASYNC) {
                throw NeedIo.WRITE;
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
     * Releases the driver's selectors and buffers and hands the channel back in the blocking
     * mode the caller gave it. Never closes the channel: it belongs to the caller.
     *
     * <p>Closing the waiters first makes any thread still inside the driver leave at its next
     * wait; only once both locks are free is the channel switched back to blocking, because a
     * thread that found it blocking mid-handshake would block without a deadline. A thread
     * that does not leave within the bound keeps the channel non-blocking (and never hangs).
     * The caller must have taken the channel off any other selector first (the asynchronous
     * path does), or it stays non-blocking.
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
                closed = true;
                // plaintext the caller never read is dropped; clear it rather than leave it on the heap
                if (appIn != null) {
                    zero(appIn);
                }
                Buffers.give(netIn);
                Buffers.give(appIn);
                Buffers.give(netOut);
                netIn = null;
                appIn = null;
                netOut = null;
                if (!callerNonBlocking && channel.isOpen()) {
                    channel.configureBlocking(true);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException ignored) {
            // closed meanwhile, or still registered elsewhere: nothing left to restore
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

    /** Clears the bytes a read-mode buffer has held since its last compaction. */
    private static void zeroUsed(ByteBuffer readMode) {
        if (readMode.hasArray() && readMode.limit() > 0) {
            java.util.Arrays.fill(readMode.array(), readMode.arrayOffset(), readMode.arrayOffset() + readMode.limit(), (byte) 0);
        }
    }
}
