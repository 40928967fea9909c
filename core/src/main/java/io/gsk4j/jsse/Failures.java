package io.gsk4j.jsse;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.internal.certs.GskCertificateException;
import io.gsk4j.internal.engine.ErrorMapper;
import java.util.Objects;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * gsk4j's answer for a TLS failure in any Java program: what a GSKit session would have
 * returned, as a {@link GskException} (status, validation code and the facts gsk4j knows).
 *
 * <p>With a context from {@link io.gsk4j.Environment#sslContext()} the answer is exact: gsk4j's
 * own trust manager refused the chain and its verdict travels in the exception's cause chain,
 * so "PKIX path building failed" never has to be guessed at. For any other failure (another
 * context, or a refusal by the peer) the error mapper reads what the JDK reported, exactly as
 * it does for a session.
 */
public final class Failures {
    private Failures() {
    }

    /**
     * The GSKit status and facts behind {@code failure}: a failed {@code HttpClient.send}, an
     * {@code HttpsURLConnection}'s exception, a JDBC driver's wrapped SQLException cause, anything
     * whose cause chain holds the TLS failure. Never null; a failure that is not about TLS at all
     * maps as a session's I/O failure would (GSK_ERROR_IO with its errno, or GSK_INTERNAL_ERROR).
     */
    public static GskException explain(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        Throwable tls = null;
        boolean handshake = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GskException) {
                return (GskException) t; // gsk4j decided this one already
            }
            if (t instanceof GskCertificateException) {
                return ErrorMapper.map(failure, ErrorMapper.Phase.HANDSHAKE, false);
            }
            if (t instanceof SSLException && tls == null) {
                tls = t; // the outermost TLS failure: programs wrap, the JDK copies the message upward
            }
            handshake |= t instanceof SSLHandshakeException;
            if (t.getCause() == t) {
                break;
            }
        }
        return ErrorMapper.map(tls != null ? tls : failure,
                handshake ? ErrorMapper.Phase.HANDSHAKE : ErrorMapper.Phase.READ, false);
    }

    /**
     * One line for a log or an error page: {@code 6000 GSK_IBMI_ERROR_NOT_TRUSTED_ROOT: …} with
     * the status number first, then gsk4j's explanation.
     */
    public static String describe(Throwable failure) {
        GskException e = explain(failure);
        String detail = e.detail();
        return e.code() + " " + GskStatus.nameOf(e.code()) + (detail.isEmpty() ? "" : ": " + detail);
    }
}
