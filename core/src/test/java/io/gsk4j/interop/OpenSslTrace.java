package io.gsk4j.interop;

import io.gsk4j.CipherSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an OpenSSL peer's {@code -trace -msgfile} file says happened, one {@link Connection}
 * per ClientHello: the suite and version in the ServerHello, the SNI name in the ClientHello,
 * whether certificates were exchanged (a resumed handshake has none) and every alert with
 * its direction. Suites are read by their code point, never by name.
 */
final class OpenSslTrace {
    private static final Pattern SUITE = Pattern.compile("^\\s+cipher_suite \\{0x([0-9A-Fa-f]{2}), 0x([0-9A-Fa-f]{2})\\}");
    private static final Pattern ALERT = Pattern.compile("Level=(\\w+)\\(\\d+\\), description=(.+)\\((\\d+)\\)");
    private static final Pattern DUMP = Pattern.compile("^\\s+([0-9a-f]{4}) - (.*)$");

    /** An alert as the trace shows it; {@code sent} is true for alerts this peer sent. */
    record Alert(boolean sent, String level, String description, int code) {
        @Override
        public String toString() {
            return (sent ? "sent " : "received ") + level + " " + description + " (" + code + ")";
        }
    }

    static final class Connection {
        int suiteCode = -1;
        String serverVersion;
        boolean tls13;
        String serverName;
        int certificateMessages;
        boolean helloRetried;
        final List<Alert> alerts = new ArrayList<>();

        Optional<CipherSpec> suite() {
            return Peers.byCode(suiteCode);
        }

        String protocol() {
            return tls13 ? "TLSv1.3" : serverVersion;
        }

        /** No Certificate message went either way: an abbreviated (resumed) handshake. */
        boolean resumed() {
            return suiteCode >= 0 && certificateMessages == 0;
        }

        boolean closeNotify(boolean sent) {
            return alerts.stream().anyMatch(a -> a.sent() == sent && a.code() == 0);
        }

        Optional<Alert> fatal(boolean sent) {
            return alerts.stream().filter(a -> a.sent() == sent && a.level().equals("fatal")).findFirst();
        }

        @Override
        public String toString() {
            return "suite " + suite().map(CipherSpec::name).orElse(Integer.toHexString(suiteCode)) + ", " + protocol()
                    + ", SNI " + serverName + ", certificates " + certificateMessages + ", alerts " + alerts;
        }
    }

    private final List<Connection> connections;
    private final String text;

    private OpenSslTrace(List<Connection> connections, String text) {
        this.connections = connections;
        this.text = text;
    }

    static OpenSslTrace read(Path file) {
        try {
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
            return parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OpenSslTrace parse(String text) {
        List<Connection> out = new ArrayList<>();
        Connection current = null;
        boolean sent = false;
        String message = "";
        String extension = "";
        StringBuilder sniBytes = null;
        String[] lines = text.split("\n");
        for (String line : lines) {
            if (line.startsWith("Sent Record")) {
                sent = true;
                continue;
            }
            if (line.startsWith("Received Record")) {
                sent = false;
                continue;
            }
            String t = line.strip();
            if (t.startsWith("ClientHello, Length=")) {
                if (current == null || !current.helloRetried) {
                    current = new Connection();
                    out.add(current);
                } else {
                    current.helloRetried = false; // the second ClientHello after a HelloRetryRequest
                }
                message = "ClientHello";
                continue;
            }
            if (current == null) {
                // an alert before any ClientHello: the peer refused what it read (plaintext, say)
                Matcher a = ALERT.matcher(t);
                if (a.find()) {
                    current = new Connection();
                    out.add(current);
                } else {
                    continue;
                }
            }
            if (t.matches("^[A-Za-z]+, Length=\\d+$")) {
                message = t.substring(0, t.indexOf(','));
                if (message.equals("HelloRetryRequest")) {
                    current.helloRetried = true;
                }
                if (message.equals("Certificate")) {
                    current.certificateMessages++;
                }
                continue;
            }
            if (message.equals("ServerHello") || message.equals("HelloRetryRequest")) {
                Matcher m = SUITE.matcher(line);
                if (m.find()) {
                    current.suiteCode = Integer.parseInt(m.group(1) + m.group(2), 16);
                }
                if (t.startsWith("server_version=")) {
                    current.serverVersion = t.contains("TLS 1.2") ? "TLSv1.2" : t.contains("TLS 1.3") ? "TLSv1.3" : t;
                }
                if (t.startsWith("extension_type=supported_versions")) {
                    extension = "supported_versions";
                    continue;
                }
                if (extension.equals("supported_versions") && t.startsWith("TLS 1.3")) {
                    current.tls13 = true;
                }
            }
            if (message.equals("ClientHello")) {
                if (t.startsWith("extension_type=")) {
                    if (sniBytes != null) {
                        current.serverName = decodeSni(sniBytes.toString());
                        sniBytes = null;
                    }
                    if (t.startsWith("extension_type=server_name(0)")) {
                        sniBytes = new StringBuilder();
                    }
                } else if (sniBytes != null) {
                    Matcher d = DUMP.matcher(line);
                    if (d.find()) {
                        String rest = d.group(2);
                        sniBytes.append(rest, 0, Math.min(rest.length(), 48)).append(' ');
                    }
                }
            }
            if (!t.startsWith("extension_type=")) {
                extension = t.startsWith("TLS 1.") ? extension : "";
            }
            Matcher a = ALERT.matcher(t);
            if (a.find()) {
                current.alerts.add(new Alert(sent, a.group(1), a.group(2).strip(), Integer.parseInt(a.group(3))));
            }
        }
        if (current != null && sniBytes != null) {
            current.serverName = decodeSni(sniBytes.toString());
        }
        return new OpenSslTrace(List.copyOf(out), text);
    }

    /** server_name extension body: list length (2), type (1), name length (2), name. */
    private static String decodeSni(String hexArea) {
        List<Integer> bytes = new ArrayList<>();
        for (String tok : hexArea.replace('-', ' ').trim().split("\\s+")) {
            if (tok.matches("[0-9a-fA-F]{2}")) {
                bytes.add(Integer.parseInt(tok, 16));
            }
        }
        if (bytes.size() < 5) {
            return null;
        }
        int len = (bytes.get(3) << 8) | bytes.get(4);
        StringBuilder sb = new StringBuilder();
        for (int i = 5; i < 5 + len && i < bytes.size(); i++) {
            sb.append((char) (int) bytes.get(i));
        }
        return sb.toString();
    }

    List<Connection> connections() {
        return connections;
    }

    Connection connection(int i) {
        if (i >= connections.size()) {
            throw new AssertionError("the OpenSSL trace shows " + connections.size() + " connection(s), wanted #" + (i + 1)
                    + "\n" + PeerProcess.tail(text, 4000));
        }
        return connections.get(i);
    }

    String text() {
        return text;
    }
}
