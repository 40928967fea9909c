package io.gsk4j;

import io.gsk4j.async.AsyncOptions;
import io.gsk4j.async.CompletionPort;
import io.gsk4j.async.Started;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.HandleKind;
import io.gsk4j.attr.MiscId;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.internal.AsyncEngine;
import io.gsk4j.internal.AsyncSteps;
import io.gsk4j.internal.AttributeValues;
import io.gsk4j.internal.Connection;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

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
 *
 * <p>This class is the API only: the state machine, the sticky failure, the engine and the
 * mapping of its failures live in {@link io.gsk4j.internal.Connection}, one per session.
 */
public final class Session implements AttributeHandle, AutoCloseable {
    private final Connection connection;

    Session(Environment environment, AttributeValues values) {
        this.connection = new Connection(this, environment::snapshot, values);
    }

    // ---- attributes ----

    @Override
    public HandleKind handleKind() {
        return HandleKind.SESSION;
    }

    @Override
    public void set(BufferAttribute id, String value) throws GskException {
        connection.set(id, value);
    }

    @Override
    public void set(NumericAttribute id, int value) throws GskException {
        connection.set(id, value);
    }

    @Override
    public void set(EnumAttribute id, EnumValue value) throws GskException {
        connection.set(id, value);
    }

    /** Sets {@code GSK_FD} to the channel's descriptor number (see {@link Descriptors}). */
    public void attach(Channel connectedChannel) throws GskException {
        set(NumericAttribute.GSK_FD, Descriptors.of(connectedChannel));
    }

    @Override
    public void setValidationCallback(CertValidationCallback callback) throws GskException {
        if (callback != null) {
            if (connection.state() == SessionState.CLOSED) {
                throw new GskException(GskStatus.GSK_INVALID_HANDLE, "the session is closed");
            }
            callback.check();
        }
        connection.setValidationCallback(callback);
    }

    @Override
    public String getBuffer(BufferAttribute id) throws GskException {
        return connection.getBuffer(id);
    }

    @Override
    public int getNumeric(NumericAttribute id) throws GskException {
        return connection.getNumeric(id);
    }

    /** {@inheritDoc} Read-only results such as {@code GSK_PROTOCOL_USED} exist only after the handshake. */
    @Override
    public EnumValue getEnum(EnumAttribute id) throws GskException {
        return connection.getEnum(id);
    }

    // ---- handshake ----

    /** gsk_secure_soc_init: runs the whole handshake on the channel set as {@code GSK_FD}. */
    public void handshake() throws GskException {
        connection.handshake();
    }

    /**
     * The failure that ended this session, with its facts (status, errno, alert, certificate
     * problem, which end refused), exactly as the call that failed threw it; empty while the
     * session has not failed. Reading it runs nothing again and touches no socket.
     */
    public Optional<GskException> failure() {
        return connection.failure();
    }

    // ---- data ----

    /**
     * gsk_secure_soc_read: decrypted bytes into {@code dst}. Returns the count, or -1 at end
     * of stream (the peer's close_notify or a closed connection; the C layer reports 0).
     */
    public int read(ByteBuffer dst) throws GskException {
        return connection.read(dst);
    }

    /** gsk_secure_soc_read into {@code length} bytes of {@code buffer} from {@code offset}; see {@link #read(ByteBuffer)}. */
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
        return connection.write(src);
    }

    /** gsk_secure_soc_write of {@code length} bytes of {@code buffer} from {@code offset}; see {@link #write(ByteBuffer)}. */
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
        return connection.bytesBuffered();
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
        long timeoutMillis = connection.beginAsyncHandshake();
        AsyncSteps steps = connection.asyncSteps();
        try {
            return AsyncEngine.get().startHandshake(steps, port, orDefault(options), timeoutMillis);
        } catch (GskException | RuntimeException e) {
            steps.handshakeEnded();
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
        connection.checkSecure();
        checkPort(port);
        if (dst == null) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_INVALID_POINTER, "no buffer");
        }
        if (!dst.hasRemaining() || dst.isReadOnly()) {
            throw new GskException(GskStatus.GSK_INVALID_BUFFER_SIZE, "the buffer has no room");
        }
        return AsyncEngine.get().startReceive(connection.asyncSteps(), port, dst, orDefault(options));
    }

    /**
     * gsk_secure_soc_startSend: encrypts and sends all of {@code src}. Finishes at once when
     * the socket takes everything, else one completion is posted when the last byte is sent.
     */
    public Started startSend(CompletionPort port, ByteBuffer src, AsyncOptions options) throws GskException {
        connection.checkSecure();
        checkPort(port);
        if (src == null) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_INVALID_POINTER, "no buffer");
        }
        if (!src.hasRemaining()) {
            throw new GskException(GskStatus.GSK_INVALID_BUFFER_SIZE, "nothing to send");
        }
        connection.checkCloseNotifyNotSent();
        return AsyncEngine.get().startSend(connection.asyncSteps(), port, src, orDefault(options));
    }

    /**
     * QsoCancelOperation for this session's socket: pending operations with this identifier
     * (0 = all) complete with {@code GSK_ERROR_IO} and errno ECANCELED. A handshake whose first
     * byte has crossed the socket cannot be cancelled; then nothing is. Returns the count.
     */
    public int cancelAsync(long operationId) {
        return AsyncEngine.cancelOn(connection.channel(), operationId);
    }

    private static void checkPort(CompletionPort port) throws GskException {
        if (port == null || port.isDestroyed()) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT, "no such completion port");
        }
    }

    private static AsyncOptions orDefault(AsyncOptions options) {
        return options == null ? AsyncOptions.DEFAULT : options;
    }

    // ---- misc and close ----

    /** gsk_secure_soc_misc: close_notify, a session reset or a cipher reset (renegotiation). */
    public void misc(MiscId id) throws GskException {
        connection.misc(id);
    }

    /** Sends close_notify; reads go on until the peer's close_notify, writes are refused. */
    public void closeNotify() throws GskException {
        connection.closeNotify();
    }

    /**
     * gsk_secure_soc_close: completes pending asynchronous operations with
     * {@code GSK_IBMI_ERROR_CLOSED}, sends close_notify (bounded wait) if the session is
     * secure, wakes any thread blocked in read or write, and frees the session. The socket
     * stays open.
     */
    @Override
    public void close() {
        connection.close(AsyncEngine::releaseOf);
    }

    // ---- what was negotiated ----

    /** Where the session is in its life: open, handshaking, secure, failed or closed. */
    public SessionState state() {
        return connection.state();
    }

    /** The protocol negotiated, once secure. */
    public Optional<TlsProtocol> protocol() {
        return connection.protocol();
    }

    /** GSK_CONNECT_CIPHER_SPEC_EX: the cipher suite in GSKit's spelling (empty before the handshake). */
    public String cipherSpec() {
        return connection.cipherSpec();
    }

    /** The peer's chain as it sent it (leaf first); empty when it sent none. */
    public List<X509Certificate> peerCertificates() {
        return connection.peerCertificates();
    }

    /**
     * The certificate authorities the peer named when it asked for this session's certificate
     * (its certificate_authorities, as {@code openssl s_client} shows them), possibly none;
     * empty when the peer did not ask. Known from the handshake on, also after it failed.
     */
    public Optional<List<String>> certificateRequestAuthorities() {
        return connection.certificateRequestAuthorities();
    }

    /** The chain this session presented, or would present (leaf first). */
    public List<X509Certificate> localCertificates() {
        return connection.localCertificates();
    }

    /** GSK_CERTIFICATE_VALIDATION_CODE: 0, or the status that says what was wrong with the peer's chain. */
    public int validationCode() {
        return connection.validationCode();
    }

    @Override
    public String toString() {
        return "gsk4j session (" + connection.state() + ")";
    }
}
