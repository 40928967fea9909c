package io.gsk4j.interop;

import io.gsk4j.CipherSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The session reports gnutls-serv prints on stdout (one per accepted connection) and
 * gnutls-cli writes to its {@code --logfile} with {@code -V} (one per handshake). GnuTLS
 * names the parts of a suite separately (key exchange, cipher, MAC); {@link #suite()}
 * puts them back together into the IANA suite.
 */
final class GnuTlsLog {

    static final class Handshake {
        String description = "";
        String version = "";
        String keyExchange = "";
        String cipher = "";
        String mac = "";
        String serverName;
        boolean resumed;

        /** The IANA suite these parts make, if gsk4j's table has it. */
        Optional<CipherSpec> suite() {
            return CipherSpec.fromName(ianaName());
        }

        String ianaName() {
            String bulk = switch (cipher) {
                case "AES-128-GCM" -> "AES_128_GCM_SHA256";
                case "AES-256-GCM" -> "AES_256_GCM_SHA384";
                case "CHACHA20-POLY1305" -> "CHACHA20_POLY1305_SHA256";
                case "AES-128-CCM" -> "AES_128_CCM_SHA256";
                default -> cipher.replace("3DES-CBC", "3DES-EDE-CBC").replace('-', '_') + "_" + (mac.equals("SHA1") ? "SHA" : mac);
            };
            if (version.equals("TLS1.3")) {
                return "TLS_" + bulk;
            }
            return "TLS_" + keyExchange.replace('-', '_') + "_WITH_" + bulk;
        }

        String protocol() {
            return version.equals("TLS1.3") ? "TLSv1.3" : version.equals("TLS1.2") ? "TLSv1.2" : version;
        }

        @Override
        public String toString() {
            return description + " [" + ianaName() + "] SNI " + serverName + (resumed ? " resumed" : "");
        }
    }

    private GnuTlsLog() {
    }

    /**
     * Splits {@code text} at each line starting with {@code sectionStart} and reads the
     * session report in each part; parts without a report (failed handshakes) are kept.
     */
    static List<Handshake> parse(String text, String sectionStart) {
        List<Handshake> out = new ArrayList<>();
        Handshake current = null;
        for (String raw : text.split("\n")) {
            String line = raw.stripTrailing();
            if (line.startsWith(sectionStart)) {
                current = new Handshake();
                out.add(current);
                continue;
            }
            if (current == null) {
                continue;
            }
            if (line.startsWith("*** This is a resumed session")) {
                current.resumed = true;
            } else if (line.startsWith("- Description: ")) {
                current.description = line.substring("- Description: ".length());
            } else if (line.startsWith("- Version: ")) {
                current.version = line.substring("- Version: ".length()).strip();
            } else if (line.startsWith("- Key Exchange: ")) {
                current.keyExchange = line.substring("- Key Exchange: ".length()).strip();
            } else if (line.startsWith("- Cipher: ")) {
                current.cipher = line.substring("- Cipher: ".length()).strip();
            } else if (line.startsWith("- MAC: ")) {
                current.mac = line.substring("- MAC: ".length()).strip();
            } else if (line.startsWith("- Given server name[1]: ")) {
                current.serverName = line.substring("- Given server name[1]: ".length()).strip();
            }
        }
        return out;
    }

    /** The handshakes that completed (have a session report). */
    static List<Handshake> completed(List<Handshake> all) {
        List<Handshake> out = new ArrayList<>();
        for (Handshake h : all) {
            if (!h.version.isEmpty()) {
                out.add(h);
            }
        }
        return out;
    }
}
