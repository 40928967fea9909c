package io.gsk4j.internal.engine;

import io.gsk4j.TlsAlert;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLException;

/**
 * A fatal alert a peer sends in the clear once records are protected: OpenSSL does this when it
 * refuses a TLS 1.3 server's certificate, and the JDK, trying to decrypt it, reports a bad
 * record MAC. A 2-byte alert record can only be plaintext (a protected one is longer), so it is
 * read here and thrown as a typed {@link PeerAlertException} that the error mapper reads.
 */
final class Alerts {
    private static final int ALERT = 21;
    private static final int FATAL = 2;

    private Alerts() {
    }

    /** Throws when {@code netIn} (write mode) starts with a plaintext fatal alert record. */
    static void refuseOnPlaintextFatalAlert(ByteBuffer netIn) throws SSLException {
        if (netIn.position() < 7 || netIn.get(0) != ALERT || netIn.get(1) != 3
                || netIn.get(3) != 0 || netIn.get(4) != 2 || netIn.get(5) != FATAL) {
            return;
        }
        int number = netIn.get(6) & 0xFF;
        throw new PeerAlertException(number, TlsAlert.ofNumber(number).orElse(null));
    }

    /**
     * The fatal alert among the records waiting in {@code netOut} (read mode), when it travels in
     * the clear (before keys are in use: a TLS 1.2 handshake, or a TLS 1.3 one before ServerHello);
     * null when there is none or it is encrypted.
     */
    static TlsAlert plaintextFatalAlert(ByteBuffer netOut) {
        if (netOut == null) {
            return null;
        }
        for (int at = netOut.position(); at + 5 <= netOut.limit(); ) {
            int length = ((netOut.get(at + 3) & 0xFF) << 8) | (netOut.get(at + 4) & 0xFF);
            if (netOut.get(at) == ALERT && length == 2 && at + 7 <= netOut.limit() && netOut.get(at + 5) == FATAL) {
                return TlsAlert.ofNumber(netOut.get(at + 6) & 0xFF).orElse(null);
            }
            at += 5 + length;
        }
        return null;
    }

    /** The peer's fatal alert, read by gsk4j from the wire rather than learned from the JDK. */
    static final class PeerAlertException extends SSLException {
        private static final long serialVersionUID = 1L;

        private final int number;
        private final transient TlsAlert alert;

        PeerAlertException(int number, TlsAlert alert) {
            super("the peer sent the fatal alert " + (alert != null ? alert.rfcName() : "number " + number));
            this.number = number;
            this.alert = alert;
        }

        /** The alert, or null for a number no RFC gsk4j knows assigns. */
        TlsAlert alert() {
            return alert;
        }

        int number() {
            return number;
        }
    }
}
