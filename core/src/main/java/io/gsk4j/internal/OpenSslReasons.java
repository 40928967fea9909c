package io.gsk4j.internal;

import io.gsk4j.GskStatus;
import io.gsk4j.Party;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table of OpenSSL reason codes gsk4j reads, for engines built on OpenSSL or BoringSSL
 * (module gsk4j-boringssl). Their exceptions carry the library's error string,
 * {@code error:<code>:<library>:<function>:<REASON>}: the reason is a fixed identifier, not
 * prose, so it is read here as a code. {@code SSLV3_ALERT_<NAME>}, {@code TLSV1_ALERT_<NAME>} and
 * {@code TLSV1_<NAME>} reasons are alerts the peer sent. netty says "not TLS" by a type of its own.
 */
public final class OpenSslReasons {
    private static final Pattern ERROR = Pattern.compile("error:[0-9a-fA-F]+:[^:]*:[^:]*:([A-Z0-9_]+)");
    private static final Pattern RECEIVED_ALERT = Pattern.compile("(?:SSLV3|TLSV1|TLSV13)_(?:ALERT_)?([A-Z0-9_]+)");

    /** One refusal by its reason codes; first match wins. */
    public record Row(List<String> reasons, GskStatus status, String sentence, Party refusedBy) {
    }

    public static final List<Row> ROWS = List.of(
            new Row(List.of("NO_SHARED_CIPHER", "NO_CIPHER_MATCH", "NO_SHARED_GROUP", "NO_COMMON_SIGNATURE_ALGORITHMS"),
                    GskStatus.GSK_ERROR_NO_CIPHERS, "no cipher suite in common with the peer", Party.LOCAL),
            new Row(List.of("PEER_DID_NOT_RETURN_A_CERTIFICATE"),
                    GskStatus.GSK_ERROR_NO_CERTIFICATE, "the peer sent no certificate", Party.LOCAL),
            new Row(List.of("UNSUPPORTED_PROTOCOL"),
                    GskStatus.GSK_ERROR_UNSUPPORTED, "the peer's protocol version is not enabled here", Party.LOCAL),
            new Row(List.of("CANNOT_PARSE_LEAF_CERT", "CERT_DECODE_ERROR"),
                    GskStatus.GSK_ERROR_BAD_CERTIFICATE, "the peer's certificate cannot be read", Party.LOCAL),
            new Row(List.of("DECRYPTION_FAILED_OR_BAD_RECORD_MAC", "BAD_DECRYPT"),
                    GskStatus.GSK_ERROR_BAD_MAC, "a record failed its integrity check", Party.LOCAL),
            // a record of a kind not allowed yet (application data before the keys), as SunJSSE reports it
            new Row(List.of("UNEXPECTED_RECORD"),
                    GskStatus.GSK_ERROR_BAD_MESSAGE, "a record arrived that is not allowed at this point", Party.LOCAL),
            new Row(List.of("WRONG_VERSION_NUMBER", "HTTP_REQUEST", "HTTPS_PROXY_REQUEST"),
                    GskStatus.GSK_ERROR_BAD_MESSAGE, "the peer does not speak TLS", null),
            new Row(List.of("DECODE_ERROR", "BAD_PACKET_LENGTH", "ENCRYPTED_LENGTH_TOO_LONG", "DATA_LENGTH_TOO_LONG",
                    "EXCESSIVE_MESSAGE_SIZE", "RECORD_TOO_LARGE", "BAD_LENGTH", "PARSE_TLSEXT"),
                    GskStatus.GSK_ERROR_BAD_MESSAGE, "a malformed TLS message arrived", Party.LOCAL));

    private OpenSslReasons() {
    }

    /** netty's exception for bytes that are no TLS record, known by its name (core does not link netty). */
    public static final String NOT_TLS_EXCEPTION = "io.netty.handler.ssl.NotSslRecordException";

    /** The reason code of an OpenSSL error string, when the message holds one. */
    public static Optional<String> reason(String message) {
        Matcher m = ERROR.matcher(String.valueOf(message));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The RFC name of the alert a reason says the peer sent ({@code TLSV1_ALERT_UNKNOWN_CA}: unknown_ca). */
    public static Optional<String> receivedAlertName(String reason) {
        Matcher m = RECEIVED_ALERT.matcher(reason);
        return m.matches() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** The row a reason selects. */
    public static Optional<Row> row(String reason) {
        return ROWS.stream().filter(r -> r.reasons().contains(reason)).findFirst();
    }
}
