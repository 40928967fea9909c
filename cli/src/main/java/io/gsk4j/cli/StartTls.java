package io.gsk4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code client --starttls ftp|smtp|imap|pop3}: the plain-text exchange that asks a server to
 * switch the connection to TLS, before gsk_secure_soc_init runs on the same socket, as an FTP
 * or mail program ported from IBM i does it. Replies are read a byte at a time so that not one
 * byte past the server's "go ahead" line leaves the kernel: GSKit reads the rest.
 */
final class StartTls {
    /** The protocols, each with its request and the reply that means "go ahead". */
    enum Protocol {
        SMTP, IMAP, POP3, FTP;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The exchange: each line sent ("> ") and received ("< "), and whether the server agreed. */
    record Dialogue(Protocol protocol, List<String> lines, boolean agreed, String refusal) {
    }

    private static final int MAX_LINE = 4096;

    private final Protocol protocol;
    private final InputStream in;
    private final OutputStream out;
    private final List<String> lines = new ArrayList<>();

    private StartTls(Protocol protocol, SocketChannel channel) throws IOException {
        this.protocol = protocol;
        this.in = channel.socket().getInputStream();
        this.out = channel.socket().getOutputStream();
    }

    /** Runs the exchange with a read time limit; the socket's own timeout is restored (to none) afterwards. */
    static Dialogue run(Protocol protocol, SocketChannel channel, String clientName, int timeoutSeconds) {
        StartTls s;
        try {
            s = new StartTls(protocol, channel);
        } catch (IOException e) {
            return new Dialogue(protocol, List.of(), false, "the socket could not be read: " + e.getMessage());
        }
        try {
            channel.socket().setSoTimeout(timeoutSeconds * 1000);
            String refusal = s.exchange(clientName);
            return new Dialogue(protocol, List.copyOf(s.lines), refusal == null, refusal);
        } catch (SocketTimeoutException e) {
            return new Dialogue(protocol, List.copyOf(s.lines), false, "no answer within " + timeoutSeconds + " s");
        } catch (IOException e) {
            return new Dialogue(protocol, List.copyOf(s.lines), false, "the connection failed: " + e.getMessage());
        } finally {
            try {
                channel.socket().setSoTimeout(0);
            } catch (IOException e) {
                // the session's own timeouts govern from here
            }
        }
    }

    /** Null when the server agreed to switch, else what it said instead. */
    private String exchange(String clientName) throws IOException {
        switch (protocol) {
            case SMTP -> {
                String greeting = reply();
                if (!greeting.startsWith("220")) {
                    return refused(greeting);
                }
                send("EHLO " + clientName);
                String ehlo = reply();
                if (!ehlo.startsWith("250")) {
                    return refused(ehlo);
                }
                send("STARTTLS");
                String go = reply();
                return go.startsWith("220") ? null : refused(go);
            }
            case IMAP -> {
                String greeting = line();
                if (!greeting.startsWith("* OK")) {
                    return refused(greeting);
                }
                send("a1 STARTTLS");
                String answer;
                do {
                    answer = line();
                } while (answer.startsWith("* "));
                return answer.startsWith("a1 OK") ? null : refused(answer);
            }
            case POP3 -> {
                String greeting = line();
                if (!greeting.startsWith("+OK")) {
                    return refused(greeting);
                }
                send("STLS");
                String answer = line();
                return answer.startsWith("+OK") ? null : refused(answer);
            }
            case FTP -> {
                String greeting = reply();
                if (!greeting.startsWith("220")) {
                    return refused(greeting);
                }
                send("AUTH TLS");
                String answer = reply();
                return answer.startsWith("234") ? null : refused(answer);
            }
            default -> throw new IllegalStateException(protocol.name());
        }
    }

    private static String refused(String reply) {
        return "the server answered \"" + reply + "\"";
    }

    private void send(String command) throws IOException {
        lines.add("> " + command);
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** An SMTP/FTP reply: continuation lines "250-..." up to the last "250 ..."; returns the last line. */
    private String reply() throws IOException {
        String l;
        do {
            l = line();
        } while (l.length() >= 4 && Character.isDigit(l.charAt(0)) && l.charAt(3) == '-');
        return l;
    }

    /** One line, read byte by byte (nothing beyond it is taken from the socket). */
    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (b.size() < MAX_LINE && c != '\r') {
                b.write(c);
            }
        }
        String l = Printable.text(b.toByteArray(), b.size(), 200);
        lines.add("< " + l);
        return l;
    }
}
