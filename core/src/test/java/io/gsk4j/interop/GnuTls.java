package io.gsk4j.interop;

import io.gsk4j.TlsProtocol;

/** Command-line pieces for gnutls-serv / gnutls-cli and markers in their output. */
final class GnuTls {
    /** gnutls-serv starts each connection's report with this line. */
    static final String SERV_SECTION = "* Accepted connection from";
    /** gnutls-cli's log starts each connection attempt with this line. */
    static final String CLI_SECTION = "Connecting to '";

    private GnuTls() {
    }

    /** The base priority limited to one protocol version. */
    static String priority(TlsProtocol p) {
        return Peers.GNUTLS_BASE_PRIORITY + ":-VERS-ALL:" + switch (p) {
            case TLSV13 -> "+VERS-TLS1.3";
            case TLSV12 -> "+VERS-TLS1.2";
            default -> throw new IllegalArgumentException(p.name());
        };
    }

    /** The GnuTLS priority keyword of a suite's bulk cipher, e.g. "+AES-256-GCM". */
    static String cipherOf(io.gsk4j.CipherSpec c) {
        String n = c.gskName();
        for (String cipher : new String[] {"AES_128_GCM", "AES_256_GCM", "CHACHA20_POLY1305", "AES_128_CBC", "AES_256_CBC"}) {
            if (n.contains(cipher)) {
                return "+" + cipher.replace('_', '-');
            }
        }
        throw new IllegalArgumentException("no GnuTLS cipher keyword for " + n);
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
