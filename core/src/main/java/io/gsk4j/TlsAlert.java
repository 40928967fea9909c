package io.gsk4j;

import java.util.Optional;

/**
 * A TLS alert (RFC 8446 §6, RFC 5246 §7.2): its number, its name, and the GSKit status it stands
 * for in each direction. Received, the alert is the peer's reason for refusing us; sent, it is
 * how we told the peer why we refused it. The same alert can mean different things: the peer's
 * {@code unknown_ca} says it does not trust our certificate, ours says we do not trust its.
 */
public enum TlsAlert {
    CLOSE_NOTIFY(0, GskStatus.GSK_ERROR_SOCKET_CLOSED, GskStatus.GSK_ERROR_SOCKET_CLOSED),
    UNEXPECTED_MESSAGE(10, GskStatus.GSK_ERROR_BAD_PEER, GskStatus.GSK_ERROR_BAD_PEER),
    BAD_RECORD_MAC(20, GskStatus.GSK_ERROR_BAD_MAC, GskStatus.GSK_ERROR_BAD_MAC),
    RECORD_OVERFLOW(22, GskStatus.GSK_ERROR_BAD_MESSAGE, GskStatus.GSK_ERROR_BAD_MESSAGE),
    HANDSHAKE_FAILURE(40, GskStatus.GSK_ERROR_NO_CIPHERS, GskStatus.GSK_ERROR_NO_CIPHERS),
    BAD_CERTIFICATE(42, GskStatus.GSK_ERROR_BAD_CERTIFICATE, GskStatus.GSK_ERROR_BAD_CERTIFICATE),
    UNSUPPORTED_CERTIFICATE(43, GskStatus.GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE, GskStatus.GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE),
    CERTIFICATE_REVOKED(44, GskStatus.GSK_ERROR_CERT_VALIDATION, GskStatus.GSK_ERROR_CERT_VALIDATION),
    CERTIFICATE_EXPIRED(45, GskStatus.GSK_KEYFILE_CERT_EXPIRED, GskStatus.GSK_KEYFILE_CERT_EXPIRED),
    CERTIFICATE_UNKNOWN(46, GskStatus.GSK_ERROR_BAD_CERTIFICATE, GskStatus.GSK_ERROR_CERT_VALIDATION),
    ILLEGAL_PARAMETER(47, GskStatus.GSK_ERROR_BAD_PEER, GskStatus.GSK_ERROR_BAD_PEER),
    UNKNOWN_CA(48, GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT),
    ACCESS_DENIED(49, GskStatus.GSK_ERROR_CERT_VALIDATION, GskStatus.GSK_ERROR_CERT_VALIDATION),
    DECODE_ERROR(50, GskStatus.GSK_ERROR_BAD_MESSAGE, GskStatus.GSK_ERROR_BAD_MESSAGE),
    DECRYPT_ERROR(51, GskStatus.GSK_ERROR_BAD_MESSAGE, GskStatus.GSK_ERROR_BAD_MESSAGE),
    PROTOCOL_VERSION(70, GskStatus.GSK_ERROR_UNSUPPORTED, GskStatus.GSK_ERROR_UNSUPPORTED),
    INSUFFICIENT_SECURITY(71, GskStatus.GSK_ERROR_NO_CIPHERS, GskStatus.GSK_ERROR_NO_CIPHERS),
    INTERNAL_ERROR(80, GskStatus.GSK_ERROR_BAD_PEER, GskStatus.GSK_INTERNAL_ERROR),
    INAPPROPRIATE_FALLBACK(86, GskStatus.GSK_ERROR_BAD_PEER, GskStatus.GSK_ERROR_BAD_PEER),
    USER_CANCELED(90, GskStatus.GSK_ERROR_SOCKET_CLOSED, GskStatus.GSK_ERROR_SOCKET_CLOSED),
    MISSING_EXTENSION(109, GskStatus.GSK_ERROR_BAD_PEER, GskStatus.GSK_ERROR_BAD_PEER),
    UNSUPPORTED_EXTENSION(110, GskStatus.GSK_ERROR_UNSUPPORTED, GskStatus.GSK_ERROR_BAD_PEER),
    UNRECOGNIZED_NAME(112, GskStatus.GSK_ERROR_BAD_PEER, GskStatus.GSK_ERROR_BAD_PEER),
    BAD_CERTIFICATE_STATUS_RESPONSE(113, GskStatus.GSK_ERROR_BAD_CERTIFICATE, GskStatus.GSK_ERROR_CERT_VALIDATION),
    UNKNOWN_PSK_IDENTITY(115, GskStatus.GSK_ERROR_BAD_PEER, GskStatus.GSK_ERROR_BAD_PEER),
    CERTIFICATE_REQUIRED(116, GskStatus.GSK_ERROR_NO_CERTIFICATE, GskStatus.GSK_ERROR_NO_CERTIFICATE),
    NO_APPLICATION_PROTOCOL(120, GskStatus.GSK_ERROR_BAD_PEER, GskStatus.GSK_ERROR_BAD_PEER);

    private final int number;
    private final GskStatus whenReceived;
    private final GskStatus whenSent;

    TlsAlert(int number, GskStatus whenReceived, GskStatus whenSent) {
        this.number = number;
        this.whenReceived = whenReceived;
        this.whenSent = whenSent;
    }

    /** The alert's number on the wire (AlertDescription). */
    public int number() {
        return number;
    }

    /** The RFC's name: {@code unknown_ca}. */
    public String rfcName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The status of a call that failed because the peer sent this alert. */
    public GskStatus statusWhenReceived() {
        return whenReceived;
    }

    /** The status of a call that failed because we refused the peer with this alert. */
    public GskStatus statusWhenSent() {
        return whenSent;
    }

    /** The alert with this number; empty for a number no RFC gsk4j knows assigns. */
    public static Optional<TlsAlert> ofNumber(int number) {
        for (TlsAlert a : values()) {
            if (a.number == number) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The alert with this RFC name ({@code unknown_ca}); empty for a name gsk4j does not know. */
    public static Optional<TlsAlert> ofName(String rfcName) {
        for (TlsAlert a : values()) {
            if (a.rfcName().equals(rfcName)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return rfcName() + " (" + number + ")";
    }
}
