package io.gsk4j.internal.engine;

import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.Party;
import io.gsk4j.TlsAlert;
import io.gsk4j.internal.JdkMessages;
import io.gsk4j.internal.OpenSslReasons;
import io.gsk4j.internal.certs.GskCertificateException;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLProtocolException;

/**
 * The one place where JDK exceptions become GSKit statuses, with their facts.
 *
 * <p>Order of evidence: a status this library already decided ({@link GskException}, or a
 * {@link GskCertificateException} from our trust manager somewhere in the cause chain, which
 * carries the certificate problem and the alert we sent), a fatal alert gsk4j read off the wire
 * itself, then exception types and causes, and last — because the JDK has no typed alerts —
 * the words of its message, read only through {@link JdkMessages}, the one table of them.
 */
public final class ErrorMapper {
    /** What the failing call was doing: a handshake failure and a read failure differ. */
    public enum Phase { HANDSHAKE, READ, WRITE, CLOSE }

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
            if (t instanceof Alerts.PeerAlertException) {
                Alerts.PeerAlertException alert = (Alerts.PeerAlertException) t;
                return peerAlert(alert.alert(), alert.getMessage(), certificateWithheld, failure);
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

    /**
     * The peer's fatal alert as the failure: its status as a received alert, the peer as the
     * end that refused. After we withheld a certificate, any refusal is about that certificate.
     *
     * @param alert the alert, or null for one gsk4j has no name for
     */
    private static GskException peerAlert(TlsAlert alert, String sentence, boolean certificateWithheld, Throwable cause) {
        GskStatus status = alert == null ? GskStatus.GSK_ERROR_BAD_PEER : alert.statusWhenReceived();
        if (certificateWithheld && alert != TlsAlert.CLOSE_NOTIFY) {
            status = GskStatus.GSK_ERROR_NO_CERTIFICATE; // refused for the certificate we did not have
        }
        GskException e = new GskException(status, sentence, cause).withRefusedBy(Party.PEER);
        if (alert == null) {
            return e;
        }
        e = e.withAlertReceived(alert);
        return alert == TlsAlert.CLOSE_NOTIFY ? e.withRefusedBy(null) : e;
    }

    private static GskException mapSsl(SSLException e, Phase phase, boolean certificateWithheld) {
        String message = String.valueOf(e.getMessage());
        Optional<String> alertName = JdkMessages.receivedAlertName(message);
        if (alertName.isPresent()) {
            return peerAlert(TlsAlert.ofName(alertName.get()).orElse(null), "the peer sent the fatal alert "
                    + alertName.get(), certificateWithheld, e);
        }
        Optional<GskException> byReason = openSslReason(e, message, certificateWithheld);
        if (byReason.isPresent()) {
            return byReason.get();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AEADBadTagException || t instanceof BadPaddingException) {
                return new GskException(GskStatus.GSK_ERROR_BAD_MAC, "a record failed its integrity check", e);
            }
            if (t instanceof java.nio.BufferUnderflowException) {
                return new GskException(GskStatus.GSK_ERROR_BAD_MESSAGE, "a TLS message ended before its fields did", e);
            }
            if (t instanceof java.security.cert.CertificateException) {
                return new GskException(GskStatus.GSK_ERROR_BAD_CERTIFICATE, "the peer's certificate cannot be read", e)
                        .withRefusedBy(Party.LOCAL);
            }
            if (t instanceof SocketException) {
                return map(t, phase, certificateWithheld); // an engine over a socket (never ours) reports I/O this way
            }
        }
        Optional<JdkMessages.Row> row = JdkMessages.row(message);
        if (row.isPresent()) {
            JdkMessages.Row r = row.get();
            String sentence = r.status() == GskStatus.GSK_ERROR_BAD_PEER ? r.sentence() + ": " + message : r.sentence();
            GskException mapped = new GskException(r.status(), sentence, e).withRefusedBy(r.refusedBy());
            return r.alertSent() == null ? mapped : mapped.withAlertSent(r.alertSent());
        }
        if (e instanceof SSLProtocolException || (e instanceof SSLHandshakeException && phase == Phase.HANDSHAKE
                && JdkMessages.saysInvalid(message))) {
            return new GskException(GskStatus.GSK_ERROR_BAD_MESSAGE, "a malformed TLS message arrived", e);
        }
        if (phase == Phase.HANDSHAKE) {
            return new GskException(GskStatus.GSK_ERROR_BAD_PEER, "the handshake failed: " + message, e);
        }
        return new GskException(GskStatus.GSK_ERROR_BAD_MESSAGE, "TLS failure: " + message, e);
    }

    /** An engine on OpenSSL or BoringSSL names its reason by code ({@link OpenSslReasons}). */
    private static Optional<GskException> openSslReason(SSLException e, String message, boolean certificateWithheld) {
        if (e.getClass().getName().equals(OpenSslReasons.NOT_TLS_EXCEPTION)) {
            return Optional.of(new GskException(GskStatus.GSK_ERROR_BAD_MESSAGE, "the peer does not speak TLS", e));
        }
        Optional<String> found = Optional.empty();
        for (Throwable t = e; t != null && found.isEmpty(); t = t.getCause() == t ? null : t.getCause()) {
            found = OpenSslReasons.reason(String.valueOf(t.getMessage())); // netty may wrap the library's error
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> reason = found;
        Optional<String> alertName = OpenSslReasons.receivedAlertName(reason.get());
        if (alertName.isPresent()) {
            return Optional.of(peerAlert(TlsAlert.ofName(alertName.get()).orElse(null), "the peer sent the fatal alert "
                    + alertName.get(), certificateWithheld, e));
        }
        return OpenSslReasons.row(reason.get())
                .map(r -> new GskException(r.status(), r.sentence() + " (" + reason.get() + ")", e).withRefusedBy(r.refusedBy()));
    }

    /** IBM i errno for a socket failure; the JDK gives only messages for these. */
    public static Errno errnoOf(IOException e) {
        return JdkMessages.errno(e.getMessage());
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
