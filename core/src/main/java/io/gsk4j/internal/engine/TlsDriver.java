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
 * <li>{@code netIn} is in write mode: [0, position) holds received bytes not yet unwrapped, never
 *     more than one record: its 5-byte header is read first, then exactly its body. Bytes the
 *     driver does not need yet stay in the kernel, where the program's poll() sees them and
 *     its own reads after close find them.
 * <li>{@code netOut} and {@code appIn} are in read mode: [position, limit) holds bytes still
 *     to be sent, or decrypted bytes the caller has not taken yet.
 * <li>The channel is non-blocking while a driver call moves bytes and in the program's own
 *     mode between calls ({@link ChannelMode}, sampled at each call; switched at the call's
 *     first transfer, so a call served from decrypted plaintext leaves the mode alone). How
 *     a call waits is its {@link IoMode}: the synchronous calls wait through a {@link ChannelWaiter} with a
 *     deadline (a caller whose channel is non-blocking gets {@code GSK_WOULD_BLOCK}
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
    /** How long a fatal alert found after the handshake may take to leave (as the handshake's). */
    private static final long ALERT_WAIT_MILLIS = 1000;
    private static final int RECORD_HEADER = 5;
    /** What a TLS 1.3 AEAD record's body carries beyond its plaintext: the tag (16) and the inner type (1). */
    private static final int MIN_RECORD_OVERHEAD = 17;
    /**
     * netOut holds this many of the engine's largest records: the engine seals a record only
     * into room for its largest, and the JDK seals a 16 KiB TLS 1.3 write as two records,
     * which then leave in one write(2) instead of two.
     */
    private static final int NET_OUT_RECORDS = 2;
    /** Measurement switch (docs/BENCHMARKS.md): keep idle sessions' buffers, to show what releasing them saves. */
    private static final boolean KEEP_IDLE_BUFFERS = Boolean.getBoolean("gsk4j.keepIdleBuffers");

    private final SSLEngine engine;
    private final SocketChannel channel;
    private final Transport transport;
    private final ChannelMode channelMode;
    private final HelloCapture helloCapture;
    private final ChannelWaiter readWaiter;
    private final ChannelWaiter writeWaiter;
    /** close_notify's own waiter: close wakes the others first, so that nobody else is left waiting. */
    private final ChannelWaiter closeWaiter;
    /** The waiter flush uses (under the write lock): {@link #writeWaiter}, or {@link #closeWaiter} while closing. */
    private ChannelWaiter flushWaiter;
    /** The program's channel was non-blocking when the running call(s) began ({@link ChannelMode}). */
    private volatile boolean callerNonBlocking;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();

    private ByteBuffer netIn;
    private ByteBuffer netOut;
    private ByteBuffer appIn;
    /**
     * How much smaller than a record's body the caller's buffer may be and still take its
     * plaintext directly (under the read lock). It starts from what TLS 1.3 allows and shrinks
     * to the engine's own rule at its first refusal: SunJSSE counts the inner type byte as
     * plaintext, so it refuses a 1 KiB record into a 1 KiB buffer, and asking it again for
     * every such record would cost a failed unwrap each time.
     */
    private int directSlack = MIN_RECORD_OVERHEAD;
    private boolean handshakeBegun;
    private volatile boolean inboundDone;
    /** Set by close() under both locks: the channel may be blocking again, so no step may touch it. */
    private volatile boolean closed;
    /** Set when the session starts closing (before close_notify): no call may start or wait any more. */
    private volatile boolean closing;
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
        this(engine, channel, Transport.of(channel), helloCapture, false);
    }

    /**
     * @param helloCapture where to copy the peer's first handshake message, or null when nobody needs it
     * @param modePerSession keep a blocking program's channel non-blocking from the first transfer
     *     until {@link #close()} instead of handing it back after every call (GSK4J_BLOCKING_MODE_SWITCH)
     */
    public TlsDriver(SSLEngine engine, SocketChannel channel, HelloCapture helloCapture, boolean modePerSession) throws IOException {
        this(engine, channel, Transport.of(channel), helloCapture, modePerSession);
    }

    /** For tests: the transfers go through {@code transport}; waits, mode and close stay with {@code channel}. */
    TlsDriver(SSLEngine engine, SocketChannel channel, Transport transport, HelloCapture helloCapture) {
        this(engine, channel, transport, helloCapture, false);
    }

    TlsDriver(SSLEngine engine, SocketChannel channel, Transport transport, HelloCapture helloCapture,
                      boolean modePerSession) {
        this.engine = engine;
        this.channel = channel;
        this.transport = transport;
        this.helloCapture = helloCapture;
        this.channelMode = new ChannelMode(channel, modePerSession);
        this.callerNonBlocking = !channel.isBlocking();
        this.readWaiter = new ChannelWaiter(channel, SelectionKey.OP_READ);
        this.writeWaiter = new ChannelWaiter(channel, SelectionKey.OP_WRITE);
        this.closeWaiter = new ChannelWaiter(channel, SelectionKey.OP_WRITE);
        this.flushWaiter = writeWaiter;
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
        takeNetIn();
        takeAppIn();
    }

    /** The data path takes only netIn: appIn only for a record the caller's buffer cannot take ({@link #readSome}). */
    private void takeNetIn() {
        if (netIn == null) {
            netIn = Buffers.take(engine.getSession().getPacketBufferSize());
        }
    }

    private void takeAppIn() {
        if (appIn == null) {
            appIn = Buffers.take(engine.getSession().getApplicationBufferSize()).flip();
        }
    }

    /** Whether decrypted bytes wait for the caller. */
    private boolean plaintextHeld() {
        return appIn != null && appIn.hasRemaining();
    }

    /** Gives netIn and appIn back, each when it holds no byte (under the read lock). */
    private void releaseReadBuffersIfEmpty() {
        if (KEEP_IDLE_BUFFERS) {
            return;
        }
        if (netIn != null && netIn.position() == 0) {
            Buffers.give(netIn);
            netIn = null;
        }
        if (appIn != null && !appIn.hasRemaining()) {
            zeroUsed(appIn); // it held plaintext: clear it before anyone else gets it
            Buffers.give(appIn);
            appIn = null;
        }
    }

    private ByteBuffer netOut() {
        if (netOut == null) {
            netOut = Buffers.take(NET_OUT_RECORDS * engine.getSession().getPacketBufferSize()).flip();
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
            begin(mode);
            try {
                handshakeLocked(deadline, mode);
            } finally {
                end(mode);
            }
        } finally {
            writeLock.unlock();
            readLock.unlock();
        }
    }

    private void handshakeLocked(Deadline deadline, IoMode mode) throws IOException {
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
                    unwrapForHandshake(deadline, mode);
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
    }

    /**
     * Under the call's lock(s): refuses a closing session (a close that won the race for the
     * lock has already handed the channel back), then samples the program's mode (the
     * channel is made non-blocking at the call's first transfer: {@link #netRead}).
     */
    private void begin(IoMode mode) throws IOException {
        checkOpen();
        if (mode == IoMode.ASYNC) {
            channelMode.pin();
        } else {
            callerNonBlocking = channelMode.enter();
        }
    }

    /** Ends what {@link #begin} started (only when it returned normally). */
    private void end(IoMode mode) {
        if (mode == IoMode.BLOCKING) {
            channelMode.exit();
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

    /**
     * The engine is asked before the socket: it may have a result without new input (a
     * delegated task that failed on a malformed hello is rethrown by the next unwrap, and its
     * alert must go out now rather than after the peer's next bytes, which may never come).
     */
    private void unwrapForHandshake(Deadline deadline, IoMode mode) throws IOException {
        SSLEngineResult result = unwrapInto(appIn);
        switch (result.getStatus()) {
            case BUFFER_UNDERFLOW:
                if (result.getHandshakeStatus() != HandshakeStatus.NEED_UNWRAP) {
                    break; // it moved on without input: an OpenSSL engine finishes on the call after the Finished record
                }
                if (wholeRecordBuffered()) {
                    // never wait for more while a whole record is here: that would spin or hang
                    throw new SSLException("the engine did not accept a complete " + netIn.position() + "-byte record");
                }
                fillRecord(deadline, true, mode);
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
                int n = netRead(netIn);
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
            begin(mode);
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
                discardWhatArrived();
            } finally {
                end(mode);
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort: the session has already failed with its own status
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * After a fatal failure only: reads and drops what the peer has already sent (the rest of
     * its flight, say), without waiting. Left unread, it would turn the program's close of the
     * socket into a reset, and a reset can destroy our alert before the peer has read it. The
     * session is over, so nothing the program could want is lost.
     */
    private void discardWhatArrived() throws IOException {
        if (!readLock.tryLock()) {
            return; // a reader is inside: it will meet the failure itself
        }
        try {
            ByteBuffer scratch = ByteBuffer.allocate(8192);
            for (int i = 0; i < 16 && netRead(scratch.clear()) > 0; i++) {
                // dropped
            }
        } finally {
            readLock.unlock();
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
     *
     * <p>A call returns the plaintext of at most one record taken from the socket, like
     * OpenSSL without read-ahead. Going on to the next record, even one already in the kernel,
     * could take the peer's close_notify along with the data: a program that reads again only
     * when poll() says the socket is readable would then never learn of the end of stream,
     * and one that reads the socket itself after close (FTP's CCC) would miss the alert.
     */
    public int read(ByteBuffer dst, Deadline deadline) throws IOException {
        readLock.lock();
        try {
            begin(IoMode.BLOCKING);
            try {
                takeNetIn();
                return readSome(dst, deadline, IoMode.BLOCKING);
            } finally {
                end(IoMode.BLOCKING);
            }
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
            begin(IoMode.ASYNC);
            takeNetIn();
            return readSome(dst, Deadline.NONE, IoMode.ASYNC);
        } finally {
            releaseReadBuffersIfEmpty();
            readLock.unlock();
        }
    }

    private int readSome(ByteBuffer dst, Deadline deadline, IoMode mode) throws IOException {
        boolean directRefused = false;
        while (true) {
            if (plaintextHeld()) {
                return transfer(appIn, dst);
            }
            if (inboundDone) {
                return -1;
            }
            if (!fillRecord(deadline, false, mode)) {
                inboundDone = true;
                return -1;
            }
            // decrypt straight into the caller's buffer when the record's plaintext may fit there:
            // it is the body less the protection (a TLS 1.3 AEAD adds its tag and the type byte),
            // so a 16 KiB buffer takes a full record; when the engine finds the buffer too small
            // after all it consumes nothing, and this record goes through appIn
            boolean direct = !directRefused && dst.remaining() >= recordLength() - directSlack;
            SSLEngineResult result;
            if (direct) {
                Alerts.refuseOnPlaintextFatalAlert(netIn);
                try {
                    result = engine.unwrap(flipped(netIn), dst);
                } catch (SSLException e) {
                    throw alertOnFailure(e, mode);
                } finally {
                    netIn.compact();
                }
            } else {
                result = unwrapDataRecord(mode);
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
                    // a whole record is here: the engine disagrees with its header, never wait on that
                    throw new SSLException("the engine did not accept a complete " + netIn.position() + "-byte record");
                case BUFFER_OVERFLOW:
                    if (direct) {
                        directRefused = true;
                        // the engine wants more room than this buffer had: ask it only with more
                        directSlack = Math.max(0, Math.min(directSlack, recordLength() - dst.remaining() - 1));
                    } else {
                        appIn = grow(appIn, engine.getSession().getApplicationBufferSize(), true);
                    }
                    break;
                default:
                    throw new IllegalStateException("unexpected unwrap status " + result.getStatus());
            }
        }
    }

    private SSLEngineResult unwrapDataRecord(IoMode mode) throws IOException {
        takeAppIn();
        Alerts.refuseOnPlaintextFatalAlert(netIn);
        try {
            return unwrapInto(appIn);
        } catch (SSLException e) {
            throw alertOnFailure(e, mode);
        }
    }

    /**
     * A record the engine refuses after the handshake (a bad MAC, an invalid key update, a
     * message out of place) makes it queue a fatal alert: send it, bounded, as the handshake
     * does, so the peer learns why the connection ends.
     */
    private SSLException alertOnFailure(SSLException failure, IoMode mode) {
        flushAlert(mode == IoMode.BLOCKING ? Deadline.afterMillis(ALERT_WAIT_MILLIS) : Deadline.NONE, mode);
        return failure;
    }

    /**
     * Plaintext that a read would return without touching the socket (like OpenSSL's
     * SSL_pending): what is left of the last record the caller did not take whole (a record
     * that arrived whole is decrypted first, though the driver never reads past the record it
     * needs). -1 when the peer's close_notify was received and every byte before it was read.
     * 0 while another thread is inside read (the bytes are that thread's).
     */
    public int bytesBuffered() throws IOException {
        if (!readLock.tryLock()) {
            return 0;
        }
        try {
            if (!plaintextHeld() && !inboundDone && wholeRecordBuffered()) {
                decryptWholeRecords();
            }
            int plain = appIn == null ? 0 : appIn.remaining();
            return plain == 0 && inboundDone ? -1 : plain;
        } finally {
            releaseReadBuffersIfEmpty();
            readLock.unlock();
        }
    }

    private void decryptWholeRecords() throws IOException {
        begin(IoMode.BLOCKING);
        try {
            while (!plaintextHeld() && !inboundDone && wholeRecordBuffered()) {
                SSLEngineResult result = unwrapDataRecord(IoMode.ASYNC);
                afterDataUnwrap(result, Deadline.NONE, IoMode.ASYNC);
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    inboundDone = true;
                } else if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    appIn = grow(appIn, engine.getSession().getApplicationBufferSize(), true);
                } else if (result.getStatus() != SSLEngineResult.Status.OK) {
                    break;
                }
            }
        } finally {
            end(IoMode.BLOCKING);
        }
    }

    /** Whether netIn starts with a complete TLS record (type, version, 2-byte length, body). */
    private boolean wholeRecordBuffered() {
        return netIn != null && netIn.position() >= RECORD_HEADER && netIn.position() >= RECORD_HEADER + recordLength();
    }

    /** The body length the header in netIn announces (netIn holds at least the header). */
    private int recordLength() {
        return ((netIn.get(3) & 0xFF) << 8) | (netIn.get(4) & 0xFF);
    }

    private void afterDataUnwrap(SSLEngineResult result, Deadline deadline, IoMode mode) throws IOException {
        // post-handshake messages (TLS 1.3 key update, a renegotiation) may need an answer
        HandshakeStatus hs = result.getHandshakeStatus();
        boolean probed = false;
        while (hs == HandshakeStatus.NEED_TASK || hs == HandshakeStatus.NEED_WRAP) {
            if (hs == HandshakeStatus.NEED_TASK) {
                runTasks();
            } else if (mode == IoMode.BLOCKING && !callerNonBlocking) {
                writeLock.lock();
                try {
                    wrap(EMPTY, deadline, mode);
                    if (!probed) {
                        // an OpenSSL engine answers a record it refuses with its alert and throws the
                        // refusal only at the next wrap; SunJSSE seals nothing here
                        probed = true;
                        wrap(EMPTY, deadline, mode);
                    }
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
            if (netWrite(netOut) == 0) {
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
            begin(IoMode.BLOCKING);
            try {
                return writeLocked(src, deadline);
            } finally {
                end(IoMode.BLOCKING);
            }
        } finally {
            releaseNetOutIfEmpty();
            writeLock.unlock();
        }
    }

    private int writeLocked(ByteBuffer src, Deadline deadline) throws IOException {
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
            begin(IoMode.ASYNC);
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
            begin(IoMode.ASYNC);
            flush(Deadline.NONE, false, IoMode.ASYNC);
        } finally {
            releaseNetOutIfEmpty();
            writeLock.unlock();
        }
    }

    /** Under a lock: no step may start once close began (the channel may be blocking again). */
    private void checkOpen() throws GskException {
        if (closing || closed) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_CLOSED, "the session was closed");
        }
    }

    /**
     * Sends close_notify; the inbound side stays open until the peer's own close_notify.
     * Nothing is read: what the peer sends next stays on the socket.
     */
    public void closeOutbound(Deadline deadline) throws IOException {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            callerNonBlocking = channelMode.enter();
            try {
                engine.closeOutbound();
                while (!engine.isOutboundDone()) {
                    wrap(EMPTY, deadline, IoMode.BLOCKING);
                }
                flush(deadline, true, IoMode.BLOCKING);
            } finally {
                channelMode.exit();
            }
        } finally {
            releaseNetOutIfEmpty();
            writeLock.unlock();
        }
    }

    /**
     * Tries to send close_notify within the deadline, without waiting behind a stuck writer.
     * Called by close after {@link #wakeUpWaiters()}: it waits on a waiter of its own.
     */
    public void closeOutboundQuietly(Deadline deadline) {
        try {
            if (writeLock.tryLock(deadline.remainingMillis(), TimeUnit.MILLISECONDS)) {
                ChannelWaiter usual = flushWaiter;
                flushWaiter = closeWaiter;
                try {
                    closeOutbound(deadline);
                } finally {
                    flushWaiter = usual;
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
     * Wraps from {@code src}, as many records as netOut has room for, and sends them. Returns
     * false only for a non-blocking caller whose socket could not take them all now (what is
     * left stays queued in netOut; the caller counts every byte sealed here as not yet sent).
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
                    if (result.getStatus() == SSLEngineResult.Status.OK && result.bytesConsumed() > 0
                            && src.hasRemaining() && roomForAnotherRecord()) {
                        continue; // records of one write leave together: one write(2), not one per record
                    }
                    boolean sent = flush(deadline, !handshakeDone(), mode);
                    if (result.getStatus() == SSLEngineResult.Status.CLOSED && src.hasRemaining()) {
                        // the session is closed for sending (the peer's TLS 1.2 close_notify was
                        // answered with ours): the engine will never take these bytes
                        throw new GskException(GskStatus.GSK_ERROR_SOCKET_CLOSED,
                                "the peer closed the TLS session: no more data can be sent on it");
                    }
                    return sent;
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

    /** Whether netOut (read mode) has room for the engine to seal one more of its largest records. */
    private boolean roomForAnotherRecord() {
        return netOut.capacity() - netOut.remaining() >= engine.getSession().getPacketBufferSize();
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
     * Reads until netIn holds one whole record: its header first, then exactly the body the
     * header announces, so nothing beyond it leaves the kernel. Returns false at end of stream
     * (outside a handshake); during a handshake end of stream is {@code GSK_ERROR_SOCKET_CLOSED}.
     */
    private boolean fillRecord(Deadline deadline, boolean handshaking, IoMode mode) throws IOException {
        while (true) {
            int missing = recordBytesMissing();
            if (missing == 0) {
                return true;
            }
            if (closing) {
                // a local close wins: whatever the peer sends now answers our close_notify
                throw new GskException(GskStatus.GSK_IBMI_ERROR_CLOSED, "the session was closed by another thread");
            }
            int n;
            netIn.limit(netIn.position() + missing);
            try {
                n = netRead(netIn);
            } finally {
                netIn.limit(netIn.capacity());
            }
            if (n > 0) {
                negotiationBegun = true;
                if (helloCapture != null && handshaking) {
                    ByteBuffer fresh = netIn.duplicate().flip();
                    helloCapture.add(fresh.position(fresh.limit() - n));
                }
                if (netIn.position() == RECORD_HEADER) {
                    makeRoomForBody();
                }
                continue;
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
            boolean idle = !handshaking && netIn.position() == 0 && !plaintextHeld();
            if (idle) {
                releaseReadBuffersIfEmpty();
            }
            boolean ready = readWaiter.await(deadline);
            if (idle) {
                takeNetIn();
            }
            if (!ready) {
                throw new GskException(GskStatus.GSK_IBMI_ERROR_TIMED_OUT, handshaking
                        ? "the handshake did not complete within GSK_HANDSHAKE_TIMEOUT"
                        : "no data arrived within GSK_IBMI_READ_TIMEOUT");
            }
        }
    }

    /** Bytes still missing from the record netIn is receiving: up to its header, then up to its body's end. */
    private int recordBytesMissing() {
        int have = netIn.position();
        if (have < RECORD_HEADER) {
            return RECORD_HEADER - have;
        }
        return Math.max(0, RECORD_HEADER + recordLength() - have);
    }

    /**
     * The header is in. A record larger than netIn, or a header that is not TLS at all, is
     * shown to the engine first: it refuses what no TLS peer may send (a plaintext HTTP
     * request, a 65,000-byte record) at once, instead of after we waited for a body that may
     * never come. What it accepts gets the room it needs.
     */
    private void makeRoomForBody() throws SSLException {
        int type = netIn.get(0) & 0xFF;
        boolean plausible = type >= 20 && type <= 24 && netIn.get(1) == 3;
        int total = RECORD_HEADER + recordLength();
        if (plausible && total <= netIn.capacity()) {
            return;
        }
        takeAppIn();
        SSLEngineResult r = unwrapInto(appIn); // throws on a header the engine refuses
        if (r.bytesConsumed() > 0 || r.getStatus() != SSLEngineResult.Status.BUFFER_UNDERFLOW) {
            throw new SSLException("the engine took a record header without its body");
        }
        if (total > netIn.capacity()) {
            netIn = grow(netIn, total, false);
        }
    }

    /** Writes netOut out; false only when a non-blocking caller's socket is full. */
    private boolean flush(Deadline deadline, boolean handshaking, IoMode mode) throws IOException {
        while (netOut != null && netOut.hasRemaining()) {
            if (netWrite(netOut) > 0) {
                negotiationBegun = true;
                continue;
            }
            if (mode == IoMode.ASYNC) {
                throw NeedIo.WRITE;
            }
            if (callerNonBlocking && !handshaking) {
                return false;
            }
            if (!flushWaiter.await(deadline)) {
                throw new GskException(GskStatus.GSK_IBMI_ERROR_TIMED_OUT, handshaking
                        ? "the handshake did not complete within GSK_HANDSHAKE_TIMEOUT"
                        : "the peer did not take the data in time");
            }
        }
        return true;
    }

    /** Every read from the socket: the channel is made non-blocking for the call first (see {@link ChannelMode}). */
    private int netRead(ByteBuffer dst) throws IOException {
        channelMode.holdNonBlocking();
        return transport.read(dst);
    }

    /** Every write to the socket, as {@link #netRead}. */
    private int netWrite(ByteBuffer src) throws IOException {
        channelMode.holdNonBlocking();
        return transport.write(src);
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

    /**
     * The session is closing: threads blocked in read, write or the handshake return
     * {@code GSK_IBMI_ERROR_CLOSED} now, and no call may start or wait any more. Called before
     * close_notify is sent, so that the peer's answer to it cannot reach a reader as an
     * orderly end of stream.
     */
    public void wakeUpWaiters() {
        closing = true;
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
        closing = true;
        readWaiter.close();
        writeWaiter.close();
        closeWaiter.close();
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
                channelMode.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException ignored) {
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

    // ---------------------------------------------------------------- renegotiation (gsk_secure_soc_misc)

    /**
     * GSK_RESET_CIPHER: new keys on an established session, under both locks so no read or
     * write sees the engine mid-change. On TLS 1.3 the JDK's beginHandshake sends a KeyUpdate
     * (asking the peer to update its keys too), which is done once it is on the wire; on TLS 1.2
     * it renegotiates (RFC 5746 secure renegotiation only), and the whole new handshake runs
     * here within {@code deadline}. With {@code newSession} the session is invalidated first,
     * so a TLS 1.2 renegotiation cannot resume it and is a full handshake. Application data
     * arriving meanwhile is kept for the next read. A peer's refusal leaves the engine's
     * exception unmapped, like every other failure here.
     */
    public void renegotiate(boolean newSession, Deadline deadline) throws IOException {
        lockBoth(IoMode.BLOCKING);
        try {
            begin(IoMode.BLOCKING); // not closing; the program's mode sampled
            try {
                if (newSession) {
                    engine.getSession().invalidate();
                }
                flush(deadline, true, IoMode.BLOCKING); // whatever an earlier write left goes first
                engine.beginHandshake();
                handshake(deadline, IoMode.BLOCKING); // the locks are reentrant: it resumes the new handshake
            } finally {
                end(IoMode.BLOCKING);
            }
        } finally {
            writeLock.unlock();
            readLock.unlock();
        }
    }
}
