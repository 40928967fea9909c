package io.gsk4j.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alerts a peer sent and received, as one list whatever the peer: read from an OpenSSL
 * trace or from GnuTLS's debug log ({@code -d 5}: "REC: Sending Alert[2|48] - Unknown CA",
 * "REC[..]: Alert[2|42] - Certificate is bad - was received").
 */
final class PeerAlerts {
    private static final Pattern GNUTLS_SENT = Pattern.compile("Sending Alert\\[(\\d)\\|(\\d+)\\] - ([^\\n]+)");
    private static final Pattern GNUTLS_RECEIVED = Pattern.compile("Alert\\[(\\d)\\|(\\d+)\\] - ([^\\n]+?) - was received");

    /** One alert; {@code sentByPeer} is true when the third-party peer sent it to gsk4j. */
    record Alert(boolean sentByPeer, boolean fatal, int code, String description) {
        @Override
        public String toString() {
            return (sentByPeer ? "peer sent " : "peer received ") + (fatal ? "fatal " : "warning ") + description + " (" + code + ")";
        }
    }

    private PeerAlerts() {
    }

    static List<Alert> fromOpenSsl(OpenSslTrace trace) {
        List<Alert> out = new ArrayList<>();
        for (OpenSslTrace.Connection c : trace.connections()) {
            for (OpenSslTrace.Alert a : c.alerts) {
                out.add(new Alert(a.sent(), a.level().equals("fatal"), a.code(), a.description()));
            }
        }
        return out;
    }

    static List<Alert> fromGnuTls(String debugLog) {
        List<Alert> out = new ArrayList<>();
        // keep log order: scan line by line
        for (String line : debugLog.split("\n")) {
            Matcher s = GNUTLS_SENT.matcher(line);
            if (s.find()) {
                out.add(new Alert(true, s.group(1).equals("2"), Integer.parseInt(s.group(2)), s.group(3).strip()));
                continue;
            }
            Matcher r = GNUTLS_RECEIVED.matcher(line);
            if (r.find()) {
                out.add(new Alert(false, r.group(1).equals("2"), Integer.parseInt(r.group(2)), r.group(3).strip()));
            }
        }
        return out;
    }

    /** The first fatal alert in one direction, or null. */
    static Alert firstFatal(List<Alert> alerts, boolean sentByPeer) {
        for (Alert a : alerts) {
            if (a.fatal() && a.sentByPeer() == sentByPeer) {
                return a;
            }
        }
        return null;
    }
}
