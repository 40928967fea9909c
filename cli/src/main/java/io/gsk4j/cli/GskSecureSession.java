package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.*;

import io.gsk4j.CertificateInfo;
import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.Session;
import io.gsk4j.compat.CertDataRef;
import io.gsk4j.compat.GskHandle;
import io.gsk4j.compat.IntRef;
import io.gsk4j.compat.Qso_OverlappedIO_t;
import io.gsk4j.compat.StringRef;
import java.nio.channels.SocketChannel;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One secure session on a connected socket, driven through the compat API as C would:
 * gsk_secure_soc_open, GSK_FD, gsk_secure_soc_init, the get functions, read, write, close.
 * The socket stays the caller's.
 */
final class GskSecureSession implements AutoCloseable {
    private final GskHandle session = new GskHandle();
    private final Transcript transcript;
    private final String side;
    private Step setUpFailure;

    private GskSecureSession(Transcript transcript, String side) {
        this.transcript = transcript;
        this.side = side;
    }

    /** What one gsk_secure_soc_read returned: GSK_OK with a count (0 = end of stream), or a failure with its facts. */
    record ReadResult(int rc, int count, Errno errno, Step failure) {
        boolean ok() {
            return rc == GSK_OK;
        }
    }

    /** Opens the session and applies the settings; check {@link #setUpFailure()} before the handshake. */
    static GskSecureSession open(GskEnvironment env, SocketChannel channel, List<Setting> sessionSettings,
                                 Transcript transcript, String side) {
        GskSecureSession s = new GskSecureSession(transcript, side);
        s.setUpFailure = s.setUp(env.handle(), channel, sessionSettings);
        return s;
    }

    /** The first failing call of open and the session settings, or null. */
    Step setUpFailure() {
        return setUpFailure;
    }

    private Step setUp(GskHandle env, SocketChannel channel, List<Setting> sessionSettings) {
        Step failed = call("gsk_secure_soc_open(env, &session)", gsk_secure_soc_open(env, session));
        if (failed != null) {
            return failed;
        }
        int fd = gsk_fd(channel);
        failed = call("gsk_attribute_set_numeric_value(session, GSK_FD, " + fd + ")",
                gsk_attribute_set_numeric_value(session, GSK_FD, fd));
        for (int i = 0; failed == null && i < sessionSettings.size(); i++) {
            Setting s = sessionSettings.get(i);
            failed = call(s.shown("session"), s.apply(session));
        }
        return failed;
    }

    /** gsk_secure_soc_init; null when the session is secure, else the failure with its facts. */
    Step handshake() {
        return call("gsk_secure_soc_init(session)", gsk_secure_soc_init(session));
    }

    /**
     * A handshake that failed with {@code rc} (a startInit completion): the failure with its
     * facts, as {@link #handshake()} gives it: the session's own failure, which it keeps, else
     * what the compat layer kept for this thread.
     */
    Step handshakeFailed(String call, int rc, Errno errno) {
        Session s = sessionOf(session);
        GskException kept = s == null ? null : s.failure().filter(e -> e.code() == rc).orElse(null);
        if (kept == null) {
            return Step.failed(call, rc, errno);
        }
        return new Step(call, rc, errno, kept.detail().isBlank() ? null : kept.detail(), kept);
    }

    /** gsk_secure_soc_startInit; every result arrives on the port (the call returns 6019 when it started). */
    int startHandshake(int port, Qso_OverlappedIO_t area) {
        int rc = gsk_secure_soc_startInit(session, port, area);
        transcript.record(side, "gsk_secure_soc_startInit(session, port, &area)", rc);
        return rc;
    }

    /**
     * gsk_secure_soc_startRecv into {@code area.buffer}. Not in the transcript: a long echo
     * would grow it without bound, and it is printed with the handshake's report anyway.
     */
    int startReceive(int port, Qso_OverlappedIO_t area) {
        return gsk_secure_soc_startRecv(session, port, area);
    }

    /** gsk_secure_soc_startSend of {@code area.buffer[0..bufferLength)}; not in the transcript either. */
    int startSend(int port, Qso_OverlappedIO_t area) {
        return gsk_secure_soc_startSend(session, port, area);
    }

    /** GSK_CERTIFICATE_VALIDATION_CODE; also readable after a failed handshake. */
    int validationCode() {
        IntRef code = new IntRef();
        int rc = gsk_attribute_get_numeric_value(session, GSK_CERTIFICATE_VALIDATION_CODE, code);
        transcript.record(side, "gsk_attribute_get_numeric_value(session, GSK_CERTIFICATE_VALIDATION_CODE, &code)", rc);
        return rc == GSK_OK ? code.value : -1;
    }

    /**
     * GSK_LAST_VALIDATION_ERROR: the named validation rule behind a refusal (575xxx/576xxx), or
     * the same number as the validation code when no rule is involved.
     */
    int lastValidationError() {
        IntRef code = new IntRef();
        int rc = gsk_attribute_get_numeric_value(session, GSK_LAST_VALIDATION_ERROR, code);
        transcript.record(side, "gsk_attribute_get_numeric_value(session, GSK_LAST_VALIDATION_ERROR, &code)", rc);
        return rc == GSK_OK ? code.value : -1;
    }

    /**
     * The CA names the server listed when it asked for this client's certificate (empty list:
     * it named none); null when it did not ask. GSKit has no attribute for it: the Java API's.
     */
    List<String> certificateRequestAuthorities() {
        Session s = sessionOf(session);
        return s == null ? null : s.certificateRequestAuthorities().orElse(null);
    }

    /** The results of a secure session, read with the get functions. */
    Negotiated negotiated() {
        IntRef protocol = new IntRef();
        transcript.record(side, "gsk_attribute_get_enum(session, GSK_PROTOCOL_USED, &protocol)",
                gsk_attribute_get_enum(session, GSK_PROTOCOL_USED, protocol));
        StringRef cipher = new StringRef();
        IntRef length = new IntRef();
        transcript.record(side, "gsk_attribute_get_buffer(session, GSK_CONNECT_CIPHER_SPEC_EX, &cipher, &len)",
                gsk_attribute_get_buffer(session, GSK_CONNECT_CIPHER_SPEC_EX, cipher, length));
        StringRef serverName = new StringRef();
        // only a server learns a name; a client that sent none simply gets ""
        int nameRc = gsk_attribute_get_buffer(session, GSK_SSL_EXTN_SERVERNAME, serverName, length);
        return new Negotiated(protocol.value, cipher.value, validationCode(), lastValidationError(), partnerChain(),
                nameRc == GSK_OK && serverName.value != null && !serverName.value.isEmpty() ? serverName.value : null);
    }

    /**
     * The partner's chain: the leaf from gsk_attribute_get_cert_info (GSKit describes one
     * certificate), the certificates behind it from the Java API, described the same way.
     */
    private List<CertSummary> partnerChain() {
        CertDataRef elements = new CertDataRef();
        IntRef count = new IntRef();
        int rc = gsk_attribute_get_cert_info(session, GSK_PARTNER_CERT_INFO, elements, count);
        transcript.record(side, "gsk_attribute_get_cert_info(session, GSK_PARTNER_CERT_INFO, &elems, &count)", rc);
        List<CertSummary> chain = new ArrayList<>();
        if (rc != GSK_OK || elements.value == null || count.value == 0) {
            return chain;
        }
        chain.add(CertSummary.fromCompat(Arrays.asList(elements.value).subList(0, count.value)));
        Session s = sessionOf(session);
        List<X509Certificate> rest = s == null ? List.of() : s.peerCertificates();
        for (int i = 1; i < rest.size(); i++) {
            chain.add(CertSummary.fromCore(CertificateInfo.describe(rest.get(i))));
        }
        return chain;
    }

    Step write(byte[] data, int length) {
        IntRef written = new IntRef();
        return call("gsk_secure_soc_write(session, buf, " + length + ", &amt)",
                gsk_secure_soc_write(session, data, length, written));
    }

    ReadResult read(byte[] buffer) {
        IntRef amount = new IntRef();
        int rc = gsk_secure_soc_read(session, buffer, buffer.length, amount);
        Errno errno = rc == GSK_ERROR_IO ? Errno.fromCode(errno()).orElse(null) : null;
        String text = "gsk_secure_soc_read(session, buf, " + buffer.length + ", &amt)";
        transcript.record(side, text, rc);
        return new ReadResult(rc, amount.value, errno, rc == GSK_OK ? null : Step.failed(text, rc, errno));
    }

    /** Ends the session (close_notify when secure); safe from another thread and more than once. */
    @Override
    public synchronized void close() {
        GskHandle copy = session.copy();
        if (!copy.isNull() && sessionOf(copy) != null) {
            transcript.record(side, "gsk_secure_soc_close(&session)", gsk_secure_soc_close(session));
        }
    }

    private Step call(String text, int rc) {
        Errno errno = rc == GSK_ERROR_IO ? Errno.fromCode(errno()).orElse(null) : null;
        transcript.record(side, text, rc);
        return rc == GSK_OK ? null : Step.failed(text, rc, errno);
    }
}
