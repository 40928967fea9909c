package io.gsk4j;

import io.gsk4j.attr.Attribute;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.MiscId;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.async.AsyncOptions;
import io.gsk4j.async.CompletionPort;
import io.gsk4j.async.Operations;
import io.gsk4j.async.SessionIo;
import io.gsk4j.async.Started;
import io.gsk4j.internal.AttributeValues;
import io.gsk4j.internal.EnvironmentSnapshot;
import io.gsk4j.internal.HandshakeSetup;
import io.gsk4j.internal.SecureChannels;
import io.gsk4j.internal.certs.ChainVerdict;
import io.gsk4j.internal.certs.SessionBinding;
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
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * One secure session on one connected TCP channel: handshake, read, write, close.
 *
 * <p>Errors are sticky: after a fatal failure every call returns the same status without
 * touching the socket, and only {@link #close()} proceeds. Two conditions are not fatal and
 * may be retried: a read timeout ({@code GSK_IBMI_READ_TIMEOUT}; programs poll with short
 * ones) and an interrupted wait ({@code GSK_ERROR_IO} with EINTR; the handshake resumes).
 * One thread may read while another writes; {@link #close()} from a third thread wakes both.
 * The channel belongs to the caller and is never closed here.
 *
 * <p>On a channel the caller made non-blocking, read and write return
 * {@code GSK_WOULD_BLOCK} instead of waiting; check {@link #bytesBuffered()} before polling the
 * socket for more. The handshake waits (up to {@code GSK_HANDSHAKE_TIMEOUT}) on any channel;
 * {@link #startHandshake} is the call that never blocks. The {@code start*} methods run
 * operations on gsk4j's I/O threads and post their results to a {@link CompletionPort}.
 */
public final class Session implements AutoCloseable {
    private static final long CLOSE_NOTIFY_WAIT_MILLIS = 2000;
    private static final long ALERT_WAIT_MILLIS = 1000;

    private final Environment environment;
    private final AttributeValues values;

    private volatile SessionState state = SessionState.OPEN;
    private volatile GskException failure;
    private volatile boolean closeNotifySent;
    /** A startHandshake operation is pending: the synchronous handshake must not run beside it. */
    private volatile boolean asyncHandshake;
    private AsyncIo asyncIo;
    private EnvironmentSnapshot snapshot;
    private HandshakeSetup setup;
    private TlsDriver driver;
    private Channel channel;
    private List<X509Certificate> peerChain = List.of();

    Session(Environment environment, AttributeValues values) {
        this.environment = environment;
        this.values = values;
    }

    // ---- attributes ----

    public synchronized void set(BufferAttribute id, String value) throws GskException {
        checkNotClosed();
        values.set(id, value, state != SessionState.OPEN);
    }

    public synchronized void set(NumericAttribute id, int value) throws GskException {
        checkNotClosed();
        values.set(id, value, state != SessionState.OPEN);
    }

    public synchronized void set(EnumAttribute id, EnumValue value) throws GskException {
        checkNotClosed();
        values.set(id, value, state != SessionState.OPEN);
    }

    /** Sets {@code GSK_FD} to the channel's descriptor number (see {@link Descriptors}). */
    public void attach(Channel connectedChannel) throws GskException {
        set(NumericAttribute.GSK_FD, Descriptors.of(connectedChannel));
    }

    /**
     * gsk_attribute_set_callback(GSK_CERT_VALIDATION_CALLBACK): the application's own check of
     * the peer's chain. Null removes it.
     */
    public synchronized void setValidationCallback(CertValidationCallback callback) throws GskException {
        checkNotClosed();
        if (callback != null) {
            callback.check();
        }
        values.setValidationCallback(callback, state != SessionState.OPEN);
    }

    public synchronized String getBuffer(BufferAttribute id) throws GskException {
        readable(id);
        return values.buffer(id).orElse("");
    }

    public synchronized int getNumeric(NumericAttribute id) throws GskException {
        readable(id);
        return values.number(id);
    }

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
        try {
            d.handshake(deadline);
        } catch (GskException e) {
            if (isInterrupt(e)) {
                throw e; // the engine state is intact: calling again resumes
            }
            throw failHandshake(e, IoMode.BLOCKING);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw failHandshake(ErrorMapper.map(e, Phase.HANDSHAKE, certificateWithheld()), IoMode.BLOCKING);
        }
        finishHandshake(d, IoMode.BLOCKING);
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
        synchronized (this) {
            if (state == SessionState.CLOSED) {
                throw new GskException(GskStatus.GSK_IBMI_ERROR_CLOSED, "the session was closed during the handshake");
            }
            recordNegotiated();
            state = SessionState.SECURE;
        }
    }

    /** Validates the configuration against the socket and builds the engine (under the lock). */
    private void prepare() throws GskException {
        EnvironmentSnapshot env = environment.snapshot();
        if (env == null) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_NO_INITIALIZE, "the environment was never initialised");
        }
        Channel ch = HandshakeSetup.channelFor(values.number(NumericAttribute.GSK_FD));
        if (!SecureChannels.claim(ch, this)) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_ALREADY_SECURE, "another secure session already uses this socket");
        }
        try {
            HandshakeSetup s = HandshakeSetup.create(env, values, ch);
            TlsDriver d = new TlsDriver(s.engine(), s.channel(), s.helloCapture());
            snapshot = env;
            setup = s;
            driver = d;
            channel = ch;
            state = SessionState.HANDSHAKING;
        } catch (GskException e) {
            SecureChannels.release(ch, this);
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            SecureChannels.release(ch, this);
            throw ErrorMapper.map(e, Phase.HANDSHAKE, false);
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
     * The failure that ended this session, with its facts (status, errno, alert, certificate
     * problem, which end refused), exactly as the call that failed threw it; empty while the
     * session has not failed. Reading it runs nothing again and touches no socket.
     */
    public Optional<GskException> failure() {
        return Optional.ofNullable(failure);
    }

    private GskException failHandshake(GskException failed, IoMode mode) {
        driver.flushAlert(mode == IoMode.BLOCKING ? Deadline.afterMillis(ALERT_WAIT_MILLIS) : Deadline.NONE, mode);
        GskException e = driver.alertSent() == null || failed.alertSent().isPresent() ? failed
                : failed.withAlertSent(driver.alertSent());
        synchronized (this) {
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

    private void recordNegotiated() {
        SSLSession session = setup.engine().getSession();
        TlsProtocol protocol = TlsProtocol.fromJdkName(session.getProtocol()).orElse(null);
        if (protocol != null) {
            values.record(EnumAttribute.GSK_PROTOCOL_USED, EnumValue.fromCode(protocol.protocolUsedValue()).orElse(null));
            values.record(BufferAttribute.GSK_CONNECT_SEC_TYPE, protocol.secType());
        }
        Optional<CipherSpec> cipher = CipherSpec.fromJdkName(session.getCipherSuite());
        values.record(BufferAttribute.GSK_CONNECT_CIPHER_SPEC_EX, cipher.map(CipherSpec::gskName).orElse(session.getCipherSuite()));
        values.record(BufferAttribute.GSK_CONNECT_CIPHER_SPEC, cipher.map(Session::shortForm).orElse(""));
        values.record(BufferAttribute.GSK_SID_VALUE, hex(session.getId()));
        values.record(EnumAttribute.GSK_SID_FIRST, session.getCreationTime() < setup.startedAtMillis()
                ? EnumValue.GSK_SID_NOT_FIRST : EnumValue.GSK_SID_IS_FIRST);
        setup.serverName(session).ifPresent(name -> values.record(BufferAttribute.GSK_SSL_EXTN_SERVERNAME, name));
        values.record(BufferAttribute.GSK_UNKNOWNREVOCATIONSTATUS_SUBJECT, setup.binding().unknownRevocationSubject());
        peerChain = peerCertificates(session);
        ChainVerdict verdict = setup.binding().verdict();
        if (verdict == null && !peerChain.isEmpty()) {
            // a resumed session: its chain was judged when the session began; judge it again for the record
            verdict = setup.binding().judgeAgain(peerChain);
        }
        if (verdict != null) {
            values.record(NumericAttribute.GSK_CERTIFICATE_VALIDATION_CODE, verdict.status().code());
            values.record(NumericAttribute.GSK_LAST_VALIDATION_ERROR, verdict.validationCode());
        } else {
            // no chain at all: a server whose client sent no certificate (IBM: NO_CERTIFICATE)
            int code = setup.expectsPeerCertificate() ? GskStatus.GSK_ERROR_NO_CERTIFICATE.code() : GskStatus.GSK_OK.code();
            values.record(NumericAttribute.GSK_CERTIFICATE_VALIDATION_CODE, code);
            values.record(NumericAttribute.GSK_LAST_VALIDATION_ERROR, code);
        }
    }

    /** The two-character code where the suite has one, else its four hex digits. */
    private static String shortForm(CipherSpec spec) {
        return spec.shortCode().orElse(String.format("%04X", spec.ianaCode()));
    }

    private static List<X509Certificate> peerCertificates(SSLSession session) {
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : session.getPeerCertificates()) {
                out.add((X509Certificate) c);
            }
            return List.copyOf(out);
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
    }

    // ---- data ----

    /**
     * gsk_secure_soc_read: decrypted bytes into {@code dst}. Returns the count, or -1 at end
     * of stream (the peer's close_notify or a closed connection; the C layer reports 0).
     */
    public int read(ByteBuffer dst) throws GskException {
        TlsDriver d = dataDriver();
        if (dst == null) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_INVALID_POINTER, "no buffer");
        }
        if (!dst.hasRemaining()) {
            throw new GskException(GskStatus.GSK_INVALID_BUFFER_SIZE, "the buffer has no room");
        }
        try {
            int n = d.read(dst, Deadline.afterMillis(values.number(NumericAttribute.GSK_IBMI_READ_TIMEOUT)));
            if (n < 0 && state == SessionState.CLOSED) {
                // a local close won: the end of stream may be the peer's answer to our close_notify
                throw new GskException(GskStatus.GSK_IBMI_ERROR_CLOSED, "the session was closed by another thread");
            }
            return n;
        } catch (GskException e) {
            throw retryable(e) ? e : fail(e);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw fail(ErrorMapper.map(e, Phase.READ, certificateWithheld()));
        }
    }

    public int read(byte[] buffer, int offset, int length) throws GskException {
        if (buffer == null) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_INVALID_POINTER, "no buffer");
        }
        if (length < 1) {
            throw new GskException(GskStatus.GSK_INVALID_BUFFER_SIZE, "the buffer size must be at least 1");
        }
        return read(ByteBuffer.wrap(buffer, offset, length));
    }

    /** gsk_secure_soc_write: encrypts and sends {@code src}; returns the bytes taken. */
    public int write(ByteBuffer src) throws GskException {
        TlsDriver d = dataDriver();
        if (src == null) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_INVALID_POINTER, "no buffer");
        }
        if (!src.hasRemaining()) {
            throw new GskException(GskStatus.GSK_INVALID_BUFFER_SIZE, "nothing to write");
        }
        if (closeNotifySent) {
            throw new GskException(GskStatus.GSK_ERROR_SSL_CLOSED, "close_notify was already sent on this session");
        }
        try {
            return d.write(src, Deadline.NONE);
        } catch (GskException e) {
            throw retryable(e) ? e : fail(e);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            throw fail(ErrorMapper.map(e, Phase.WRITE, certificateWithheld()));
        }
    }

    public int write(byte[] buffer, int offset, int length) throws GskException {
        if (buffer == null) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_INVALID_POINTER, "no buffer");
        }
        if (length < 1) {
            throw new GskException(GskStatus.GSK_INVALID_BUFFER_SIZE, "the buffer size must be at least 1");
        }
        return write(ByteBuffer.wrap(buffer, offset, length));
    }

    /**
     * Decrypted bytes a read would return at once, without the socket (like OpenSSL's
     * SSL_pending). Records that arrived whole are decrypted to count them, so a caller of a
     * non-blocking channel that polls the socket only while this is 0 never strands data:
     * TLS can hold a whole record here while the socket has nothing more to report.
     * -1 once the peer's close_notify was read and no data is left (read returns end of
     * stream at once). Never touches the socket.
     */
    public int bytesBuffered() throws GskException {
        TlsDriver d = dataDriver();
        try {
            return d.bytesBuffered();
        } catch (GskException e) {
            throw retryable(e) ? e : fail(e);
        } catch (IOException | RuntimeException e) {
            throw fail(ErrorMapper.map(e, Phase.READ, certificateWithheld()));
        }
    }

    // ---- asynchronous operations ----

    /**
     * gsk_secure_soc_startInit: starts the handshake on an I/O thread and returns at once.
     * Exactly one {@link io.gsk4j.async.Completion} is posted to {@code port}, with any status
     * {@link #handshake()} could return ({@code GSK_IBMI_ERROR_TIMED_OUT} after
     * {@code GSK_HANDSHAKE_TIMEOUT}); the session is secure once it says {@code GSK_OK}.
     * What the synchronous handshake finds before its first byte (no initialised environment,
     * no socket, a bad store or cipher list, a socket already secured) is thrown here instead,
     * and then nothing is posted.
     */
    public Started startHandshake(CompletionPort port, AsyncOptions options) throws GskException {
        checkPort(port);
        long timeoutMillis;
        synchronized (this) {
            if (asyncHandshake) {
                throw new GskException(GskStatus.GSK_INVALID_STATE, "an asynchronous handshake is already running");
            }
            beginHandshake();
            asyncHandshake = true;
            timeoutMillis = 1000L * values.number(NumericAttribute.GSK_HANDSHAKE_TIMEOUT);
        }
        try {
            return Operations.startHandshake(asyncIo(), port, orDefault(options), timeoutMillis);
        } catch (GskException | RuntimeException e) {
            asyncHandshake = false;
            throw e;
        }
    }

    /**
     * gsk_secure_soc_startRecv: decrypted bytes into {@code dst} (its position advances).
     * Finishes at once when data is already there ({@link Started#pending()} false; posted only
     * with {@link AsyncOptions#postAlways()}); else one completion is posted later. The buffer
     * belongs to gsk4j until then.
     */
    public Started startReceive(CompletionPort port, ByteBuffer dst, AsyncOptions options) throws GskException {
        dataDriver();
        checkPort(port);
        if (dst == null) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_INVALID_POINTER, "no buffer");
        }
        if (!dst.hasRemaining() || dst.isReadOnly()) {
            throw new GskException(GskStatus.GSK_INVALID_BUFFER_SIZE, "the buffer has no room");
        }
        return Operations.startReceive(asyncIo(), port, dst, orDefault(options));
    }

    /**
     * gsk_secure_soc_startSend: encrypts and sends all of {@code src}. Finishes at once when
     * the socket takes everything, else one completion is posted when the last byte is sent.
     */
    public Started startSend(CompletionPort port, ByteBuffer src, AsyncOptions options) throws GskException {
        dataDriver();
        checkPort(port);
        if (src == null) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_INVALID_POINTER, "no buffer");
        }
        if (!src.hasRemaining()) {
            throw new GskException(GskStatus.GSK_INVALID_BUFFER_SIZE, "nothing to send");
        }
        if (closeNotifySent) {
            throw new GskException(GskStatus.GSK_ERROR_SSL_CLOSED, "close_notify was already sent on this session");
        }
        return Operations.startSend(asyncIo(), port, src, orDefault(options));
    }

    /**
     * QsoCancelOperation for this session's socket: pending operations with this identifier
     * (0 = all) complete with {@code GSK_ERROR_IO} and errno ECANCELED. A handshake whose first
     * byte has crossed the socket cannot be cancelled; then nothing is. Returns the count.
     */
    public int cancelAsync(long operationId) {
        Channel ch;
        synchronized (this) {
            ch = channel;
        }
        return Operations.cancel(ch, operationId);
    }

    private static void checkPort(CompletionPort port) throws GskException {
        if (port == null || port.isDestroyed()) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT, "no such completion port");
        }
    }

    private static AsyncOptions orDefault(AsyncOptions options) {
        return options == null ? AsyncOptions.DEFAULT : options;
    }

    private synchronized AsyncIo asyncIo() {
        if (asyncIo == null) {
            asyncIo = new AsyncIo();
        }
        return asyncIo;
    }

    /** The session's side of its asynchronous operations: the same code and mapping as the synchronous calls. */
    private final class AsyncIo implements SessionIo {
        @Override
        public Session session() {
            return Session.this;
        }

        @Override
        public SocketChannel channel() {
            return setup.channel();
        }

        @Override
        public void handshakeStep() throws IOException {
            checkNotClosedWhilePending();
            TlsDriver d = driver;
            try {
                d.handshake(Deadline.NONE, IoMode.ASYNC);
            } catch (NeedIo n) {
                throw n;
            } catch (GskException e) {
                throw failHandshake(e, IoMode.ASYNC);
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                throw failHandshake(ErrorMapper.map(e, Phase.HANDSHAKE, certificateWithheld()), IoMode.ASYNC);
            }
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
            try {
                return d.receive(dst);
            } catch (NeedIo n) {
                throw n;
            } catch (GskException e) {
                throw retryable(e) ? e : fail(e);
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                throw fail(ErrorMapper.map(e, Phase.READ, certificateWithheld()));
            }
        }

        @Override
        public void sendStep(ByteBuffer src) throws IOException {
            checkNotClosedWhilePending();
            TlsDriver d = dataDriver();
            if (closeNotifySent) {
                throw new GskException(GskStatus.GSK_ERROR_SSL_CLOSED, "close_notify was already sent on this session");
            }
            try {
                d.send(src);
            } catch (NeedIo n) {
                throw n;
            } catch (GskException e) {
                throw retryable(e) ? e : fail(e);
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                throw fail(ErrorMapper.map(e, Phase.WRITE, certificateWithheld()));
            }
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
                d.engine().getSession().invalidate();
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
        if (closeNotifySent) {
            throw new GskException(GskStatus.GSK_ERROR_SSL_CLOSED, "close_notify was already sent on this session");
        }
        Deadline deadline;
        synchronized (this) {
            deadline = Deadline.afterMillis(1000L * values.number(NumericAttribute.GSK_HANDSHAKE_TIMEOUT));
        }
        try {
            d.renegotiate(newSession, deadline);
        } catch (GskException e) {
            throw fail(e);
        } catch (IOException | RuntimeException e) {
            throw fail(ErrorMapper.map(e, Phase.HANDSHAKE, certificateWithheld()));
        }
    }

    /** Sends close_notify; reads go on until the peer's close_notify, writes are refused. */
    public void closeNotify() throws GskException {
        closeNotify(dataDriver());
    }

    private void closeNotify(TlsDriver d) throws GskException {
        if (closeNotifySent) {
            throw new GskException(GskStatus.GSK_ERROR_SSL_CLOSED, "close_notify was already sent on this session");
        }
        closeNotifySent = true;
        try {
            d.closeOutbound(Deadline.afterMillis(CLOSE_NOTIFY_WAIT_MILLIS));
        } catch (GskException e) {
            throw retryable(e) ? e : fail(e);
        } catch (IOException | RuntimeException e) {
            throw fail(ErrorMapper.map(e, Phase.CLOSE, certificateWithheld()));
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

    // ---- close ----

    /**
     * gsk_secure_soc_close: completes pending asynchronous operations with
     * {@code GSK_IBMI_ERROR_CLOSED}, sends close_notify (bounded wait) if the session is
     * secure, wakes any thread blocked in read or write, and frees the session. The socket
     * stays open.
     */
    @Override
    public void close() {
        SessionState before;
        AsyncIo io;
        synchronized (this) {
            before = state;
            if (before == SessionState.CLOSED) {
                return;
            }
            state = SessionState.CLOSED;
            io = asyncIo;
            values.release(); // its hold on GSK_KEYRING_PW
        }
        if (io != null && setup != null) {
            // pending operations complete with GSK_IBMI_ERROR_CLOSED; the socket leaves its I/O thread
            Operations.release(io);
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
            SecureChannels.release(channel, this);
        }
    }

    private void checkNotClosed() throws GskException {
        if (state == SessionState.CLOSED) {
            throw new GskException(GskStatus.GSK_INVALID_HANDLE, "the session is closed");
        }
    }

    // ---- what was negotiated ----

    public SessionState state() {
        return state;
    }

    /** The protocol negotiated, once secure. */
    public Optional<TlsProtocol> protocol() {
        return setup == null || state != SessionState.SECURE ? Optional.empty()
                : TlsProtocol.fromJdkName(setup.engine().getSession().getProtocol());
    }

    /** GSK_CONNECT_CIPHER_SPEC_EX: the cipher suite in GSKit's spelling (empty before the handshake). */
    public synchronized String cipherSpec() {
        return values.buffer(BufferAttribute.GSK_CONNECT_CIPHER_SPEC_EX).orElse("");
    }

    /** The peer's chain as it sent it (leaf first); empty when it sent none. */
    public synchronized List<X509Certificate> peerCertificates() {
        return peerChain;
    }

    /**
     * The certificate authorities the peer named when it asked for this session's certificate
     * (its certificate_authorities, as {@code openssl s_client} shows them), possibly none;
     * empty when the peer did not ask. Known from the handshake on, also after it failed.
     */
    public synchronized Optional<List<String>> certificateRequestAuthorities() {
        return setup == null ? Optional.empty() : Optional.ofNullable(setup.binding().requestedIssuers());
    }

    /** The chain this session presented, or would present (leaf first). */
    public synchronized List<X509Certificate> localCertificates() {
        if (setup != null) {
            return setup.localChain();
        }
        EnvironmentSnapshot env = environment.snapshot();
        return env == null ? List.of() : env.keyMaterial().chain();
    }

    /** GSK_CERTIFICATE_VALIDATION_CODE: 0, or the status that says what was wrong with the peer's chain. */
    public synchronized int validationCode() {
        return values.number(NumericAttribute.GSK_CERTIFICATE_VALIDATION_CODE);
    }

    @Override
    public String toString() {
        return "gsk4j session (" + state + ")";
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString().toUpperCase(java.util.Locale.ROOT);
    }
}
