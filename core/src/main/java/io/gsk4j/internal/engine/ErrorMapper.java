package io.gsk4j.internal.engine;

import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.internal.certs.GskCertificateException;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLProtocolException;

/**
 * The one place where JDK exceptions become GSKit statuses.
 *
 * <p>Order of evidence: a status this library already decided ({@link GskException}, or a
 * {@link GskCertificateException} from our trust manager somewhere in the cause chain), then
 * exception types, then — because the JDK has no typed alerts — the name of a received alert,
 * and last a few fixed JDK messages. Each message rule is covered by a table test.
 */
public final class ErrorMapper {
    /** What the failing call was doing: a handshake failure and a read failure differ. */
    public enum Phase { HANDSHAKE, READ, WRITE, CLOSE }

    private static final Pattern RECEIVED_ALERT = Pattern.compile("Received fatal alert: (\\w+)");

    /** A fatal alert the peer sent, by its RFC 8446 name, as seen from our side. */
    private static final Map<String, GskStatus> PEER_ALERTS = Map.ofEntries(
            Map.entry("handshake_failure", GskStatus.GSK_ERROR_NO_CIPHERS),
            Map.entry("insufficient_security", GskStatus.GSK_ERROR_NO_CIPHERS),
            Map.entry("protocol_version", GskStatus.GSK_ERROR_UNSUPPORTED),
            Map.entry("unsupported_extension", GskStatus.GSK_ERROR_UNSUPPORTED),
            Map.entry("bad_certificate", GskStatus.GSK_ERROR_BAD_CERTIFICATE),
            Map.entry("certificate_unknown", GskStatus.GSK_ERROR_BAD_CERTIFICATE),
            Map.entry("certificate_revoked", GskStatus.GSK_ERROR_CERT_VALIDATION),
            Map.entry("access_denied", GskStatus.GSK_ERROR_CERT_VALIDATION),
            Map.entry("unsupported_certificate", GskStatus.GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE),
            Map.entry("certificate_expired", GskStatus.GSK_KEYFILE_CERT_EXPIRED),
            Map.entry("unknown_ca", GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT),
            Map.entry("certificate_required", GskStatus.GSK_ERROR_NO_CERTIFICATE),
            Map.entry("bad_record_mac", GskStatus.GSK_ERROR_BAD_MAC),
            Map.entry("decode_error", GskStatus.GSK_ERROR_BAD_MESSAGE),
            Map.entry("record_overflow", GskStatus.GSK_ERROR_BAD_MESSAGE),
            Map.entry("decrypt_error", GskStatus.GSK_ERROR_BAD_MESSAGE),
            Map.entry("unexpected_message", GskStatus.GSK_ERROR_BAD_PEER),
            Map.entry("illegal_parameter", GskStatus.GSK_ERROR_BAD_PEER),
            Map.entry("missing_extension", GskStatus.GSK_ERROR_BAD_PEER),
            Map.entry("unrecognized_name", GskStatus.GSK_ERROR_BAD_PEER),
            Map.entry("no_application_protocol", GskStatus.GSK_ERROR_BAD_PEER),
            Map.entry("internal_error", GskStatus.GSK_ERROR_BAD_PEER),
            Map.entry("user_canceled", GskStatus.GSK_ERROR_SOCKET_CLOSED),
            Map.entry("close_notify", GskStatus.GSK_ERROR_SOCKET_CLOSED));

    private ErrorMapper() {
    }

    /**
     * Maps any failure to a status.
     *
     * @param certificateWithheld whether the peer asked for our certificate and we had none to
     *     send: a fatal alert after that is the peer refusing us for lack of a certificate, whatever
     *     alert it chose (OpenSSL sends handshake_failure, GnuTLS decode_error, the JDK bad_certificate)
     */
    public static GskException map(Throwable failure, Phase phase, boolean certificateWithheld) {
        if (failure instanceof GskException) {
            return (GskException) failure;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GskCertificateException) {
                return ((GskCertificateException) t).toGskException(failure);
            }
            if (t instanceof GskException) {
                return (GskException) t;
            }
        }
        if (failure instanceof OutOfMemoryError) {
            return new GskException(GskStatus.GSK_INSUFFICIENT_STORAGE, "no memory for the TLS buffers", failure);
        }
        if (failure instanceof SSLException) {
            return mapSsl((SSLException) failure, phase, certificateWithheld);
        }
        if (failure instanceof ClosedChannelException) {
            return new GskException(GskStatus.GSK_ERROR_SOCKET_CLOSED, "the socket was closed", failure);
        }
        if (failure instanceof EOFException) {
            return new GskException(GskStatus.GSK_ERROR_SOCKET_CLOSED, "the peer closed the connection", failure);
        }
        if (failure instanceof IOException) {
            return GskException.io(errnoOf((IOException) failure), describe(failure), failure);
        }
        return new GskException(GskStatus.GSK_INTERNAL_ERROR, "unexpected failure: " + describe(failure), failure);
    }

    private static GskException mapSsl(SSLException e, Phase phase, boolean certificateWithheld) {
        String message = String.valueOf(e.getMessage());
        Matcher alert = RECEIVED_ALERT.matcher(message);
        if (alert.find()) {
            GskStatus status = PEER_ALERTS.getOrDefault(alert.group(1), GskStatus.GSK_ERROR_BAD_PEER);
            if (certificateWithheld && !alert.group(1).equals("close_notify")) {
                status = GskStatus.GSK_ERROR_NO_CERTIFICATE; // refused for the certificate we did not have
            }
            return new GskException(status, "the peer sent the fatal alert " + alert.group(1), e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AEADBadTagException || t instanceof BadPaddingException) {
                return new GskException(GskStatus.GSK_ERROR_BAD_MAC, "a record failed its integrity check", e);
            }
            if (t instanceof java.nio.BufferUnderflowException) {
                return new GskException(GskStatus.GSK_ERROR_BAD_MESSAGE, "a TLS message ended before its fields did", e);
            }
            if (t instanceof java.security.cert.CertificateException) {
                return new GskException(GskStatus.GSK_ERROR_BAD_CERTIFICATE, "the peer's certificate cannot be read", e);
            }
            if (t instanceof SocketException) {
                return map(t, phase, certificateWithheld); // an engine over a socket (never ours) reports I/O this way
            }
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("no cipher suites in common") || lower.contains("no appropriate protocol")
                || lower.contains("no negotiable cipher suite")) {
            return new GskException(GskStatus.GSK_ERROR_NO_CIPHERS, "no cipher suite in common with the peer", e);
        }
        if (lower.contains("empty client certificate chain") || lower.contains("empty server certificate chain")) {
            return new GskException(GskStatus.GSK_ERROR_NO_CERTIFICATE, "the peer sent no certificate", e);
        }
        if (lower.contains("not accepted by client preferences") || lower.contains("not enabled or supported")
                || lower.contains("protocol version")) {
            return new GskException(GskStatus.GSK_ERROR_UNSUPPORTED, "the peer's protocol version is not enabled here", e);
        }
        if (lower.contains("unsupported or unrecognized ssl message") || lower.contains("plaintext connection")) {
            return new GskException(GskStatus.GSK_ERROR_BAD_MESSAGE, "the peer does not speak TLS", e);
        }
        if (lower.contains("improper") || lower.contains("unexpected handshake message")) {
            return new GskException(GskStatus.GSK_ERROR_BAD_PEER, "the peer broke the handshake's rules: " + message, e);
        }
        if (lower.contains("closed inbound before receiving peer's close_notify")
                || lower.contains("before receiving") && lower.contains("close_notify")) {
            return new GskException(GskStatus.GSK_ERROR_SOCKET_CLOSED, "the peer closed the connection", e);
        }
        if (e instanceof SSLProtocolException || (e instanceof SSLHandshakeException && phase == Phase.HANDSHAKE
                && lower.contains("invalid"))) {
            return new GskException(GskStatus.GSK_ERROR_BAD_MESSAGE, "a malformed TLS message arrived", e);
        }
        if (phase == Phase.HANDSHAKE) {
            return new GskException(GskStatus.GSK_ERROR_BAD_PEER, "the handshake failed: " + message, e);
        }
        return new GskException(GskStatus.GSK_ERROR_BAD_MESSAGE, "TLS failure: " + message, e);
    }

    /** IBM i errno for a socket failure; the JDK gives only messages for these. */
    static Errno errnoOf(IOException e) {
        String lower = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (lower.contains("connection reset")) {
            return Errno.ECONNRESET;
        }
        if (lower.contains("broken pipe")) {
            return Errno.EPIPE;
        }
        if (lower.contains("not connected")) {
            return Errno.ENOTCONN;
        }
        if (lower.contains("connection refused")) {
            return Errno.ECONNREFUSED;
        }
        if (lower.contains("timed out")) {
            return Errno.ETIMEDOUT;
        }
        return Errno.EIO;
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
