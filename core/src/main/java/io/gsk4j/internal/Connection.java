package io.gsk4j.internal;

import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.Session;
import io.gsk4j.SessionState;
import io.gsk4j.TlsProtocol;
import io.gsk4j.attr.Attribute;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.MiscId;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.internal.certs.ChainVerdict;
import io.gsk4j.internal.engine.Deadline;
import io.gsk4j.internal.engine.ErrorMapper;
import io.gsk4j.internal.engine.ErrorMapper.Phase;
import io.gsk4j.internal.engine.HelloCapture;
import io.gsk4j.internal.engine.Hellos;
import io.gsk4j.internal.engine.IoMode;
import io.gsk4j.internal.engine.NeedIo;
import io.gsk4j.internal.engine.TlsDriver;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.SocketChannel;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a {@link Session} is underneath: its state machine, its sticky failure, its setup and
 * engine driver, and the steps its synchronous and asynchronous calls run.
 *
 * <p>Every call into the driver goes through {@link #guarded}, the one place where what the
 * engine or the socket throws becomes a status ({@link ErrorMapper}) and where a failure
 * becomes sticky or stays retryable. The state and the sticky failure are guarded by this
 * object's lock; the driver's own calls run outside it, so one thread may read while another
 * writes and {@link #close} from a third wakes both.
 */
public final class Connection {
    private static final long CLOSE_NOTIFY_WAIT_MILLIS = 2000;
    private static final long ALERT_WAIT_MILLIS = 1000;

    private final Session session;
    private final Supplier<EnvironmentSnapshot> environment;
    private final AttributeValues values;

    private volatile SessionState state = SessionState.OPEN;
    private volatile GskException failure;
    private volatile boolean closeNotifySent;
    /** A startHandshake operation is pending: the synchronous handshake must not run beside it. */
    private volatile boolean asyncHandshake;
    private Steps asyncSteps;
    private EnvironmentSnapshot snapshot;
    private HandshakeSetup setup;
    private TlsDriver driver;
    private Channel channel;
    private List<X509Certificate> peerChain = List.of();
    /**
     * GSK_IBMI_READ_TIMEOUT in milliseconds, kept beside the attribute so that a read needs no
     * lookup: set under the lock with it, read by each call (a change is honoured from the next).
     */
    private volatile int readTimeoutMillis;

    /**
     * @param session the facade, which completions name
     * @param environment the environment's frozen configuration at the handshake (null before init)
     * @param values the session's attributes
     */
    public Connection(Session session, Supplier<EnvironmentSnapshot> environment, AttributeValues values) {
        this.session = session;
        this.environment = environment;
        this.values = values;
        this.readTimeoutMillis = values.number(NumericAttribute.GSK_IBMI_READ_TIMEOUT);
    }

    // ---- attributes ----

    /** gsk_attribute_set_buffer on the session. */
    public synchronized void set(BufferAttribute id, String value) throws GskException {
        checkNotClosed();
        values.set(id, value, state != SessionState.OPEN);
    }

    /** gsk_attribute_set_numeric_value on the session. */
    public synchronized void set(NumericAttribute id, int value) throws GskException {
        checkNotClosed();
        values.set(id, value, state != SessionState.OPEN);
        if (id == NumericAttribute.GSK_IBMI_READ_TIMEOUT) {
            readTimeoutMillis = values.number(id);
        }
    }

    /** gsk_attribute_set_enum on the session. */
    public synchronized void set(EnumAttribute id, EnumValue value) throws GskException {
        checkNotClosed();
        values.set(id, value, state != SessionState.OPEN);
    }

    /** The validation callback of the session, already checked by the caller; null removes it. */
    public synchronized void setValidationCallback(io.gsk4j.CertValidationCallback callback) throws GskException {
        checkNotClosed();
        values.setValidationCallback(callback, state != SessionState.OPEN);
    }

    /** gsk_attribute_get_buffer on the session. */
    public synchronized String getBuffer(BufferAttribute id) throws GskException {
        readable(id);
        return values.buffer(id).orElse("");
    }

    /** gsk_attribute_get_numeric_value on the session. */
    public synchronized int getNumeric(NumericAttribute id) throws GskException {
        readable(id);
        return values.number(id);
    }

    /** gsk_attribute_get_enum on the session. */
    public synchronized EnumValue getEnum(EnumAttribute id) throws GskException {
        readable(id);
        if (id.defaultValue() == null && !values.isSet(id)) {
            // read-only results such as GSK_PROTOCOL_USED exist only after the handshake
            throw new GskException(GskStatus.GSK_INVALID_STATE, id.name() + " is known only after the handshake");
        }
        return values.enumValue(id);
    }

    private void readable(Attribute id) throws GskException {
        checkNotClosed();
        values.checkReadable(id);
    }

    // ---- the one guarded call ----

    /** What a failure of a guarded step does to the session. */
    private enum OnFailure {
        /** Data and close: a retryable failure leaves the session usable, any other is sticky. */
        DATA,
        /**
         * The handshake: sticky, once the alert is flushed. An interrupted blocking handshake
         * is not a failure: its engine is intact and calling again resumes it.
         */
        HANDSHAKE,
        /** Renegotiation: every failure is sticky (the engine cannot be left half renegotiated). */
        FATAL,
        /** Building the engine, before the first byte: mapped only; the caller decides. */
        SETUP
    }

    // The steps guarded() runs, as numbers: a lambda's call site is linked on its first use, and a
    // link that fails while the heap is full stays failed for the life of the JVM (JVMS 5.4.3),
    // as does a class whose initialiser ran out; a switch on an int needs neither.
    private static final int STEP_HANDSHAKE = 1;
    private static final int STEP_SETUP = 2;
    private static final int STEP_READ = 3;
    private static final int STEP_WRITE = 4;
    private static final int STEP_BUFFERED = 5;
    private static final int STEP_RESET_CIPHER = 6;
    private static final int STEP_RESET_CIPHER_NEW_SESSION = 7;
    private static final int STEP_CLOSE_OUTBOUND = 8;
    private static final int STEP_ASYNC_HANDSHAKE = 9;
    private static final int STEP_ASYNC_RECEIVE = 10;
    private static final int STEP_ASYNC_SEND = 11;

    /** One call into the driver (or the engine's setup), chosen by its number. */
    private Object runStep(int step, TlsDriver drv, Object argument) throws IOException {
        switch (step) {
            case STEP_HANDSHAKE:
                drv.handshake((Deadline) argument);
                return null;
            case STEP_SETUP: {
                Object[] envAndChannel = (Object[]) argument;
                HandshakeSetup made = HandshakeSetup.create((EnvironmentSnapshot) envAndChannel[0], values, (Channel) envAndChannel[1]);
                return new Prepared(made, new TlsDriver(made.engine(), made.channel(), made.helloCapture(),
                        ModeSwitch.perSession(values)));
            }
            case STEP_READ:
                return readChecked(drv, (ByteBuffer) argument);
            case STEP_WRITE:
                return drv.write((ByteBuffer) argument, Deadline.NONE);
            case STEP_BUFFERED:
                return drv.bytesBuffered();
            case STEP_RESET_CIPHER:
            case STEP_RESET_CIPHER_NEW_SESSION:
                drv.renegotiate(step == STEP_RESET_CIPHER_NEW_SESSION, (Deadline) argument);
                return null;
            case STEP_CLOSE_OUTBOUND:
                drv.closeOutbound(Deadline.afterMillis(CLOSE_NOTIFY_WAIT_MILLIS));
                return null;
            case STEP_ASYNC_HANDSHAKE:
                drv.handshake(Deadline.NONE, IoMode.ASYNC);
                return null;
            case STEP_ASYNC_RECEIVE:
                return drv.receive((ByteBuffer) argument);
            case STEP_ASYNC_SEND:
                drv.send((ByteBuffer) argument);
                return null;
            default:
                throw new IllegalArgumentException("no step " + step);
        }
    }

    /**
     * Runs a step and settles its failure: the one place where what the engine or the socket
     * throws is mapped to a status. An asynchronous step's {@link NeedIo} (the socket is not
     * ready) passes through untouched.
     */
    private Object guarded(Phase phase, OnFailure onFailure, IoMode mode, TlsDriver driver, Object argument, int step)
            throws IOException {
        GskException failed;
        boolean thrownAsStatus;
        try {
            return runStep(step, driver, argument);
        } catch (GskException e) {
            failed = e;
            thrownAsStatus = true;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            if (e instanceof NeedIo && mode == IoMode.ASYNC) {
                throw (NeedIo) e;
            }
            failed = ErrorMapper.map(e, phase, certificateWithheld());
            thrownAsStatus = false;
        }
        // if, not a switch: a switch on an enum loads a helper class at its first failure,
        // which may come when the heap is full
        if (onFailure == OnFailure.DATA) {
            throw thrownAsStatus && retryable(failed) ? failed : fail(failed);
        }
        if (onFailure == OnFailure.HANDSHAKE) {
            throw thrownAsStatus && mode == IoMode.BLOCKING && isInterrupt(failed) ? failed : failHandshake(failed, mode);
        }
        throw onFailure == OnFailure.FATAL ? fail(failed) : failed;
    }

    /** {@link #guarded} for a synchronous call, which never sees {@link NeedIo}. */
    private Object guardedCall(Phase phase, OnFailure onFailure, TlsDriver driver, Object argument, int step)
            throws GskException {
        try {
            return guarded(phase, onFailure, IoMode.BLOCKING, driver, argument, step);
        } catch (GskException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("guarded maps every I/O failure of a synchronous call", e);
        }
    }

    // ---- handshake ----

    /** gsk_secure_soc_init: runs the whole handshake on the channel set as {@code GSK_FD}. */
    public void handshake() throws GskException {
        TlsDriver d;
        Deadline deadline;
        synchronized (this) {
            if (asyncHandshake) {
                throw new GskException(GskStatus.GSK_INVALID_STATE, "an asynchronous handshake is running on this session");
            }
            d = beginHandshake();
            deadline = Deadline.afterMillis(1000L * values.number(NumericAttribute.GSK_HANDSHAKE_TIMEOUT));
        }
        guardedCall(Phase.HANDSHAKE, OnFailure.HANDSHAKE, d, deadline, STEP_HANDSHAKE);
        finishHandshake(d, IoMode.BLOCKING);
    }

    /**
     * gsk_secure_soc_startInit's checks: what the synchronous handshake finds before its first
     * byte, then the mark that an asynchronous handshake runs. Returns its time limit in
     * milliseconds; {@link AsyncSteps#handshakeEnded} removes the mark.
     */
    public synchronized long beginAsyncHandshake() throws GskException {
        if (asyncHandshake) {
            throw new GskException(GskStatus.GSK_INVALID_STATE, "an asynchronous handshake is already running");
        }
        beginHandshake();
        asyncHandshake = true;
        return 1000L * values.number(NumericAttribute.GSK_HANDSHAKE_TIMEOUT);
    }

    /**
     * Under the lock: what gsk_secure_soc_init checks before its first byte (state, then
     * configuration and socket), and the engine built for it.
     */
    private TlsDriver beginHandshake() throws GskException {
        checkNotClosed();
        switch (state) {
            case FAILED:
                throw failure.replay();
            case SECURE:
                throw new GskException(GskStatus.GSK_INVALID_STATE, "the handshake is already done");
            case OPEN:
                try {
                    prepare();
                } catch (GskException e) {
                    // a configuration or socket problem is as final as a failed handshake
                    state = SessionState.FAILED;
                    failure = e;
                    throw e;
                }
                break;
            default: // HANDSHAKING: resuming after an interrupted wait or a cancelled startInit
                break;
        }
        return driver;
    }

    /** The engine is done: the checks made after it, then the negotiated values. */
    private void finishHandshake(TlsDriver d, IoMode mode) throws GskException {
        checkRenegotiationIndication(d, mode);
        NegotiatedValues.PeerJudgement peer = judgePeer(d, mode);
        synchronized (this) {
            if (state == SessionState.CLOSED) {
                throw new GskException(GskStatus.GSK_IBMI_ERROR_CLOSED, "the session was closed during the handshake");
            }
            peerChain = NegotiatedValues.recordSuccess(values, setup, snapshot.engines(), peer);
            state = SessionState.SECURE;
        }
    }

    /** What {@link #prepare} builds. */
    private record Prepared(HandshakeSetup setup, TlsDriver driver) {
    }

    /** Validates the configuration against the socket and builds the engine (under the lock). */
    private void prepare() throws GskException {
        EnvironmentSnapshot env = environment.get();
        if (env == null) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_NO_INITIALIZE, "the environment was never initialised");
        }
        Channel ch = HandshakeSetup.channelFor(values.number(NumericAttribute.GSK_FD));
        if (!Sockets.claim(ch, this)) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_ALREADY_SECURE, "another secure session already uses this socket");
        }
        try {
            Prepared p = (Prepared) guardedCall(Phase.HANDSHAKE, OnFailure.SETUP, null, new Object[] {env, ch}, STEP_SETUP);
            snapshot = env;
            setup = p.setup();
            driver = p.driver();
            channel = ch;
            state = SessionState.HANDSHAKING;
        } catch (GskException e) {
            Sockets.release(ch, this);
            throw e;
        }
    }

    /**
     * GSK_EXTENDED_RENEGOTIATION_CRITICAL_CLIENT / _SERVER: a TLS 1.2 (or older) peer must have
     * signalled RFC 5746 in its hello. Checked once the handshake is done, from the hello the
     * driver captured; the session is then refused and closed with close_notify.
     */
    private void checkRenegotiationIndication(TlsDriver d, IoMode mode) throws GskException {
        HelloCapture capture = setup.helloCapture();
        if (capture == null) {
            return;
        }
        Optional<TlsProtocol> protocol = TlsProtocol.fromJdkName(setup.engine().getSession().getProtocol());
        if (protocol.isPresent() && protocol.get() == TlsProtocol.TLSV13) {
            return; // TLS 1.3 has no renegotiation
        }
        boolean indicated = capture.firstMessage().map(Hellos::indicatesSecureRenegotiation).orElse(false);
        if (!indicated) {
            if (mode == IoMode.BLOCKING) {
                d.closeOutboundQuietly(Deadline.afterMillis(ALERT_WAIT_MILLIS));
            } else {
                d.flushAlert(Deadline.NONE, mode); // an I/O thread sends what fits and never waits
            }
            throw failHandshake(new GskException(GskStatus.GSK_ERROR_NO_RI_INDICATION,
                    "the peer did not signal RFC 5746 secure renegotiation, which this session requires"), mode);
        }
    }

    /**
     * Resuming a session does not let a peer past this session's own judgement: a chain that
     * another session of the environment accepted (under PASSTHRU, say) and this one refuses ends
     * the handshake with the status a full handshake would have given.
     */
    private NegotiatedValues.PeerJudgement judgePeer(TlsDriver d, IoMode mode) throws GskException {
        NegotiatedValues.PeerJudgement peer = NegotiatedValues.judgePeer(setup);
        if (!peer.refused()) {
            return peer;
        }
        if (mode == IoMode.BLOCKING) {
            d.closeOutboundQuietly(Deadline.afterMillis(ALERT_WAIT_MILLIS));
        } else {
            d.flushAlert(Deadline.NONE, mode);
        }
        ChainVerdict v = peer.verdict();
        throw failHandshake(GskException.validation(v.status(), v.validationCode(),
                "the resumed session's peer chain fails this session's validation: " + v.reason(), null), mode);
    }

    /** The sticky failure, as the call that failed threw it; empty while the session has not failed. */
    public Optional<GskException> failure() {
        return Optional.ofNullable(failure);
    }

    private GskException failHandshake(GskException failed, IoMode mode) {
        driver.flushAlert(mode == IoMode.BLOCKING ? Deadline.afterMillis(ALERT_WAIT_MILLIS) : Deadline.NONE, mode);
        GskException e = driver.alertSent() == null || failed.alertSent().isPresent() ? failed
                : failed.withAlertSent(driver.alertSent());
        synchronized (this) {
            // recorded here, not by NegotiatedValues: a handshake timing out while the heap is
            // full must not need a class loaded (OutOfMemoryTest)
            // GSK_CERTIFICATE_VALIDATION_CODE carries the status, GSK_LAST_VALIDATION_ERROR the named rule
            ChainVerdict verdict = setup.binding().verdict();
            boolean judged = verdict != null && !verdict.ok();
            values.record(NumericAttribute.GSK_LAST_VALIDATION_ERROR,
                    e.validationCode() != 0 ? e.validationCode() : judged ? verdict.validationCode() : 0);
            values.record(NumericAttribute.GSK_CERTIFICATE_VALIDATION_CODE,
                    judged ? verdict.status().code() : e.validationCode());
            if (state != SessionState.CLOSED) {
                state = SessionState.FAILED;
                failure = e;
            }
        }
        return e;
    }

    // ---- data ----

    /** gsk_secure_soc_read; see {@link Session#read(ByteBuffer)}. */
    public int read(ByteBuffer dst) throws GskException {
        TlsDriver d = dataDriver();
        if (dst == null) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_INVALID_POINTER, "no buffer");
        }
        if (!dst.hasRemaining()) {
            throw new GskException(GskStatus.GSK_INVALID_BUFFER_SIZE, "the buffer has no room");
        }
        return (Integer) guardedCall(Phase.READ, OnFailure.DATA, d, dst, STEP_READ);
    }

    private int readChecked(TlsDriver drv, ByteBuffer buffer) throws IOException {
        int n = drv.read(buffer, Deadline.afterMillis(readTimeoutMillis));
        if (n < 0 && state == SessionState.CLOSED) {
            // a local close won: the end of stream may be the peer's answer to our close_notify
            throw new GskException(GskStatus.GSK_IBMI_ERROR_CLOSED, "the session was closed by another thread");
        }
        return n;
    }

    /** gsk_secure_soc_write; see {@link Session#write(ByteBuffer)}. */
    public int write(ByteBuffer src) throws GskException {
        TlsDriver d = dataDriver();
        if (src == null) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_INVALID_POINTER, "no buffer");
        }
        if (!src.hasRemaining()) {
            throw new GskException(GskStatus.GSK_INVALID_BUFFER_SIZE, "nothing to write");
        }
        checkCloseNotifyNotSent();
        return (Integer) guardedCall(Phase.WRITE, OnFailure.DATA, d, src, STEP_WRITE);
    }

    /** See {@link Session#bytesBuffered()}. */
    public int bytesBuffered() throws GskException {
        TlsDriver d = dataDriver();
        return (Integer) guardedCall(Phase.READ, OnFailure.DATA, d, null, STEP_BUFFERED);
    }

    /** gsk_secure_soc_misc. */
    public void misc(MiscId id) throws GskException {
        TlsDriver d = dataDriver();
        if (id == null) {
            throw new GskException(GskStatus.GSK_MISC_INVALID_ID, "no misc ID");
        }
        switch (id) {
            case GSK_CLOSE_NOTIFY:
                closeNotify(d);
                break;
            case GSK_RESET_SESSION:
                // the next handshake with this peer will be a full one
                snapshot.engines().forget(d.engine());
                break;
            case GSK_RESET_CIPHER:
            case GSK_RESET_CIPHER_WITHNEWSESSION:
                resetCipher(d, id == MiscId.GSK_RESET_CIPHER_WITHNEWSESSION);
                break;
            default:
                throw new GskException(GskStatus.GSK_MISC_INVALID_ID, id.name() + " is not a misc ID gsk4j knows");
        }
    }

    /**
     * GSK_RESET_CIPHER(_WITHNEWSESSION): as IBM renegotiates, a TLS 1.3 key update or a TLS 1.2
     * secure renegotiation, within GSK_HANDSHAKE_TIMEOUT. Any failure, a timeout or EINTR included, ends
     * the session as a failed handshake does: the engine cannot be left half renegotiated.
     */
    private void resetCipher(TlsDriver d, boolean newSession) throws GskException {
        checkCloseNotifyNotSent();
        Deadline deadline;
        synchronized (this) {
            deadline = Deadline.afterMillis(1000L * values.number(NumericAttribute.GSK_HANDSHAKE_TIMEOUT));
        }
        guardedCall(Phase.HANDSHAKE, OnFailure.FATAL, d, deadline, newSession ? STEP_RESET_CIPHER_NEW_SESSION : STEP_RESET_CIPHER);
    }

    /** Sends close_notify; reads go on until the peer's close_notify, writes are refused. */
    public void closeNotify() throws GskException {
        closeNotify(dataDriver());
    }

    private void closeNotify(TlsDriver d) throws GskException {
        checkCloseNotifyNotSent();
        closeNotifySent = true;
        guardedCall(Phase.CLOSE, OnFailure.DATA, d, null, STEP_CLOSE_OUTBOUND);
    }

    /** Fails unless the session is secure (a failed one replays its failure). */
    public void checkSecure() throws GskException {
        dataDriver();
    }

    /** Fails once close_notify was sent: nothing more may be written. */
    public void checkCloseNotifyNotSent() throws GskException {
        if (closeNotifySent) {
            if (state == SessionState.CLOSED) {
                // close() sent it while this call was starting: the call ends as a racing close ends it
                throw new GskException(GskStatus.GSK_IBMI_ERROR_CLOSED, "the session was closed by another thread");
            }
            throw new GskException(GskStatus.GSK_ERROR_SSL_CLOSED, "close_notify was already sent on this session");
        }
    }

    private TlsDriver dataDriver() throws GskException {
        synchronized (this) {
            switch (state) {
                case SECURE:
                    return driver;
                case FAILED:
                    throw failure.replay();
                case CLOSED:
                    throw new GskException(GskStatus.GSK_INVALID_HANDLE, "the session is closed");
                default:
                    throw new GskException(GskStatus.GSK_INVALID_STATE, "the handshake has not completed");
            }
        }
    }

    /** Whether the peer asked for a certificate this session did not send: decides what its refusal means. */
    private boolean certificateWithheld() {
        return setup != null && setup.binding().certificateWithheld();
    }

    private static boolean isInterrupt(GskException e) {
        return e.errno().filter(x -> x == Errno.EINTR).isPresent();
    }

    /**
     * Failures that leave the session usable: timeouts of reads, would-block, interrupts, close
     * races, and a closed direction (a write after the peer's close_notify must not turn the
     * reads' end of stream into a failure).
     */
    private static boolean retryable(GskException e) {
        int code = e.code();
        return isInterrupt(e) || code == GskStatus.GSK_IBMI_ERROR_TIMED_OUT.code()
                || code == GskStatus.GSK_WOULD_BLOCK.code() || code == GskStatus.GSK_IBMI_ERROR_CLOSED.code()
                || code == GskStatus.GSK_ERROR_SSL_CLOSED.code() || code == GskStatus.GSK_ERROR_SOCKET_CLOSED.code();
    }

    private synchronized GskException fail(GskException e) {
        if (state == SessionState.CLOSED) {
            return new GskException(GskStatus.GSK_IBMI_ERROR_CLOSED, "the session was closed by another thread", e);
        }
        if (state != SessionState.FAILED) {
            state = SessionState.FAILED;
            failure = e;
        }
        return failure;
    }

    // ---- asynchronous steps ----

    /** This session's steps for the I/O threads (created on first use). */
    public synchronized AsyncSteps asyncSteps() {
        if (asyncSteps == null) {
            asyncSteps = new Steps();
        }
        return asyncSteps;
    }

    /** The socket the handshake secured (null before it began): QsoCancelOperation finds operations by it. */
    public synchronized Channel channel() {
        return channel;
    }

    /** The session's side of its asynchronous operations: the same code and mapping as the synchronous calls. */
    private final class Steps implements AsyncSteps {
        @Override
        public Session session() {
            return session;
        }

        @Override
        public SocketChannel channel() {
            return setup.channel();
        }

        @Override
        public void handshakeStep() throws IOException {
            checkNotClosedWhilePending();
            TlsDriver d = driver;
            guarded(Phase.HANDSHAKE, OnFailure.HANDSHAKE, IoMode.ASYNC, d, null, STEP_ASYNC_HANDSHAKE);
            finishHandshake(d, IoMode.ASYNC);
        }

        /** A close racing a step: the operation ends as close would end it, not as a call on a closed handle. */
        private void checkNotClosedWhilePending() throws GskException {
            if (state == SessionState.CLOSED) {
                throw new GskException(GskStatus.GSK_IBMI_ERROR_CLOSED, "the session was closed while the operation was pending");
            }
        }

        @Override
        public GskException abortHandshake(GskException reason) {
            return failHandshake(reason, IoMode.ASYNC);
        }

        @Override
        public void handshakeEnded() {
            asyncHandshake = false;
        }

        @Override
        public boolean negotiationBegun() {
            TlsDriver d = driver;
            return d != null && d.negotiationBegun();
        }

        @Override
        public int receiveStep(ByteBuffer dst) throws IOException {
            checkNotClosedWhilePending();
            TlsDriver d = dataDriver();
            return (Integer) guarded(Phase.READ, OnFailure.DATA, IoMode.ASYNC, d, dst, STEP_ASYNC_RECEIVE);
        }

        @Override
        public void sendStep(ByteBuffer src) throws IOException {
            checkNotClosedWhilePending();
            TlsDriver d = dataDriver();
            checkCloseNotifyNotSent();
            guarded(Phase.WRITE, OnFailure.DATA, IoMode.ASYNC, d, src, STEP_ASYNC_SEND);
        }

        @Override
        public boolean hasPendingOutput() {
            TlsDriver d = driver;
            return d != null && d.hasPendingOutput();
        }

        @Override
        public void flushPending() throws IOException {
            TlsDriver d = driver;
            if (d != null && state != SessionState.CLOSED) {
                d.flushPending();
            }
        }
    }

    // ---- close ----

    /**
     * gsk_secure_soc_close; see {@link Session#close()}. {@code releasePending} completes the
     * pending asynchronous operations and takes the socket off its I/O thread.
     */
    public void close(Consumer<AsyncSteps> releasePending) {
        SessionState before;
        AsyncSteps io;
        synchronized (this) {
            before = state;
            if (before == SessionState.CLOSED) {
                return;
            }
            state = SessionState.CLOSED;
            io = asyncSteps;
            values.release(); // its hold on GSK_KEYRING_PW
        }
        if (io != null && setup != null) {
            // pending operations complete with GSK_IBMI_ERROR_CLOSED; the socket leaves its I/O thread
            releasePending.accept(io);
        }
        if (driver != null) {
            // blocked threads leave first: a reader must not take the peer's answer to our
            // close_notify for the peer's own orderly close
            driver.wakeUpWaiters();
            if (before == SessionState.SECURE && !closeNotifySent) {
                closeNotifySent = true;
                driver.closeOutboundQuietly(Deadline.afterMillis(CLOSE_NOTIFY_WAIT_MILLIS));
            }
            driver.close();
            snapshot.bindings().unbind(setup.engine());
        }
        if (channel != null) {
            Sockets.release(channel, this);
        }
    }

    private void checkNotClosed() throws GskException {
        if (state == SessionState.CLOSED) {
            throw new GskException(GskStatus.GSK_INVALID_HANDLE, "the session is closed");
        }
    }

    // ---- what was negotiated ----

    /** The session's state. */
    public SessionState state() {
        return state;
    }

    /** The protocol negotiated, once secure. */
    public Optional<TlsProtocol> protocol() {
        return setup == null || state != SessionState.SECURE ? Optional.empty()
                : TlsProtocol.fromJdkName(setup.engine().getSession().getProtocol());
    }

    /** GSK_CONNECT_CIPHER_SPEC_EX (empty before the handshake). */
    public synchronized String cipherSpec() {
        return values.buffer(BufferAttribute.GSK_CONNECT_CIPHER_SPEC_EX).orElse("");
    }

    /** The peer's chain as it sent it (leaf first); empty when it sent none. */
    public synchronized List<X509Certificate> peerCertificates() {
        return peerChain;
    }

    /** The authorities the peer named when it asked for a certificate; empty when it did not ask. */
    public synchronized Optional<List<String>> certificateRequestAuthorities() {
        return setup == null ? Optional.empty() : Optional.ofNullable(setup.binding().requestedIssuers());
    }

    /** The chain this session presented, or would present (leaf first). */
    public synchronized List<X509Certificate> localCertificates() {
        if (setup != null) {
            return setup.localChain();
        }
        EnvironmentSnapshot env = environment.get();
        return env == null ? List.of() : env.keyMaterial().chain();
    }

    /** GSK_CERTIFICATE_VALIDATION_CODE. */
    public synchronized int validationCode() {
        return values.number(NumericAttribute.GSK_CERTIFICATE_VALIDATION_CODE);
    }
}
