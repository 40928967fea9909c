package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a completed handshake agreed on, as the get functions report it: GSK_PROTOCOL_USED,
 * GSK_CONNECT_CIPHER_SPEC_EX, GSK_CERTIFICATE_VALIDATION_CODE, the partner's chain and (on a
 * server) the name the client asked for.
 */
record Negotiated(int protocolUsed, String cipherSpec, int validationCode, int lastValidationError,
                  List<CertSummary> partnerChain, String serverName) {

    /** "TLS 1.3" for a GSK_PROTOCOL_USED value. */
    static String protocolName(int value) {
        return switch (value) {
            case GSK_PROTOCOL_USED_TLSV13 -> "TLS 1.3";
            case GSK_PROTOCOL_USED_TLSV12 -> "TLS 1.2";
            case GSK_PROTOCOL_USED_TLSV11 -> "TLS 1.1";
            case GSK_PROTOCOL_USED_TLSV1 -> "TLS 1.0";
            case GSK_PROTOCOL_USED_SSLV3 -> "SSL 3.0";
            default -> "unknown (" + value + ")";
        };
    }

    /** The C constant for a GSK_PROTOCOL_USED value. */
    static String protocolConstant(int value) {
        return switch (value) {
            case GSK_PROTOCOL_USED_TLSV13 -> "GSK_PROTOCOL_USED_TLSV13";
            case GSK_PROTOCOL_USED_TLSV12 -> "GSK_PROTOCOL_USED_TLSV12";
            case GSK_PROTOCOL_USED_TLSV11 -> "GSK_PROTOCOL_USED_TLSV11";
            case GSK_PROTOCOL_USED_TLSV1 -> "GSK_PROTOCOL_USED_TLSV1";
            case GSK_PROTOCOL_USED_SSLV3 -> "GSK_PROTOCOL_USED_SSLV3";
            default -> Integer.toString(value);
        };
    }

    String protocol() {
        return protocolName(protocolUsed);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", protocol());
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("name", protocolConstant(protocolUsed));
        used.put("number", protocolUsed);
        m.put("protocolUsed", used);
        m.put("cipherSpec", cipherSpec);
        if (serverName != null) {
            m.put("serverName", serverName);
        }
        return m;
    }
}
