package io.gsk4j.internal.engine;

import java.nio.ByteBuffer;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * A fatal alert a peer sends in the clear once records are protected: OpenSSL does this when it
 * refuses a TLS 1.3 server's certificate, and the JDK, trying to decrypt it, reports a bad
 * record MAC. A 2-byte alert record can only be plaintext (a protected one is longer), so it is
 * read here and reported in the JDK's own words, which the error mapper already knows.
 */
final class Alerts {
    private static final int ALERT = 21;
    private static final int FATAL = 2;

    /** RFC 8446 §6 alert names by code. */
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0, "close_notify"), Map.entry(10, "unexpected_message"), Map.entry(20, "bad_record_mac"),
            Map.entry(22, "record_overflow"), Map.entry(40, "handshake_failure"), Map.entry(42, "bad_certificate"),
            Map.entry(43, "unsupported_certificate"), Map.entry(44, "certificate_revoked"),
            Map.entry(45, "certificate_expired"), Map.entry(46, "certificate_unknown"), Map.entry(47, "illegal_parameter"),
            Map.entry(48, "unknown_ca"), Map.entry(49, "access_denied"), Map.entry(50, "decode_error"),
            Map.entry(51, "decrypt_error"), Map.entry(70, "protocol_version"), Map.entry(71, "insufficient_security"),
            Map.entry(80, "internal_error"), Map.entry(86, "inappropriate_fallback"), Map.entry(90, "user_canceled"),
            Map.entry(109, "missing_extension"), Map.entry(110, "unsupported_extension"),
            Map.entry(112, "unrecognized_name"), Map.entry(113, "bad_certificate_status_response"),
            Map.entry(115, "unknown_psk_identity"), Map.entry(116, "certificate_required"),
            Map.entry(120, "no_application_protocol"));

    private Alerts() {
    }

    /** Throws when {@code netIn} (write mode) starts with a plaintext fatal alert record. */
    static void refuseOnPlaintextFatalAlert(ByteBuffer netIn) throws SSLException {
        if (netIn.position() < 7 || netIn.get(0) != ALERT || netIn.get(1) != 3
                || netIn.get(3) != 0 || netIn.get(4) != 2 || netIn.get(5) != FATAL) {
            return;
        }
        int code = netIn.get(6) & 0xFF;
        throw new SSLException("Received fatal alert: " + NAMES.getOrDefault(code, "alert_" + code));
    }
}
