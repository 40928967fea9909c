package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.*;

import io.gsk4j.cli.Choices.ServerMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One accepted connection of {@code gsk4j server}: a session from the shared environment,
 * the handshake, its report, then echo or one HTTP answer, then close (session first, so its
 * close_notify still has a socket, then the socket).
 */
final class ServerConnection {
    private static final int MAX_REQUEST = 16 * 1024;

    private final int number;
    private final SocketChannel channel;
    private final GskEnvironment env;
    private final Facts facts;
    private final ServerMode mode;
    private final TlsOptions tls;
    private final PrintWriter out;
    private volatile GskSecureSession session;
    private volatile boolean stopped;

    ServerConnection(int number, SocketChannel channel, GskEnvironment env, Facts facts, ServerMode mode, TlsOptions tls,
                     PrintWriter out) {
        this.number = number;
        this.channel = channel;
        this.env = env;
        this.facts = facts;
        this.mode = mode;
        this.tls = tls;
        this.out = out;
    }

    /** Serves the connection; false when the handshake failed. */
    boolean run() {
        String remote = remoteAddress();
        facts.peer = remote;
        ConnectionReport report = new ConnectionReport("server", remote);
        report.connectionNumber = number;
        report.transcript = new Transcript();
        try {
            session = GskSecureSession.open(env, channel, List.of(), report.transcript, "server");
            Step failed = session.setUpFailure() != null ? session.setUpFailure() : session.handshake();
            if (failed != null) {
                report.failure = failed;
                report.stage = session.setUpFailure() != null ? Facts.Stage.SETUP : Facts.Stage.HANDSHAKE;
                int code = session.validationCode();
                if (code > 0) {
                    report.validation(code, session.lastValidationError());
                }
                facts.failedAt(failed, report.stage).validationCode = report.validationForFacts();
                report.explanation = Explanations.explain(failed.rc(), facts);
                print(report);
                return false;
            }
            report.stage = Facts.Stage.HANDSHAKE;
            Negotiated n = session.negotiated();
            report.negotiated = n;
            report.validation(n.validationCode(), n.lastValidationError());
            report.chain = n.partnerChain();
            report.chainSource = "as the client sent it";
            if (n.validationCode() != 0) {
                facts.chain = n.partnerChain();
                facts.validationCode = report.validationForFacts();
                report.notes.add("GSK_CLIENT_AUTH_PASSTHRU let the client in: " + Explanations.explain(n.validationCode(), facts).what());
            }
            print(report);
            closed(mode == ServerMode.HTTP ? http(n) : echo());
            return true;
        } finally {
            if (session != null) {
                session.close();
            }
            Connector.close(channel);
        }
    }

    /** Ctrl-C: wakes a blocked read (GSK_IBMI_ERROR_CLOSED) and lets run() finish. */
    void stop() {
        stopped = true;
        GskSecureSession s = session;
        if (s != null) {
            s.close();
        }
    }

    private String echo() {
        byte[] buffer = new byte[16 * 1024];
        long bytes = 0;
        while (true) {
            GskSecureSession.ReadResult r = session.read(buffer);
            if (!r.ok()) {
                return "echoed " + bytes + " bytes; " + readEnd(r);
            }
            if (r.count() == 0) {
                return "echoed " + bytes + " bytes; " + (stopped ? "the server is stopping" : "the client ended the session");
            }
            Step written = session.write(buffer, r.count());
            if (written != null) {
                return "echoed " + bytes + " bytes; the write failed: " + written.result();
            }
            bytes += r.count();
        }
    }

    private String http(Negotiated n) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!headersComplete(request) && request.size() < MAX_REQUEST) {
            GskSecureSession.ReadResult r = session.read(buffer);
            if (!r.ok()) {
                return "no complete HTTP request: " + readEnd(r);
            }
            if (r.count() == 0) {
                return "the client ended the session before a complete HTTP request";
            }
            request.write(buffer, 0, r.count());
        }
        String firstLine = request.toString(StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
        byte[] body = HttpAnswer.body(n, firstLine).getBytes(StandardCharsets.UTF_8);
        byte[] head = HttpAnswer.head(body.length).getBytes(StandardCharsets.US_ASCII);
        byte[] answer = new byte[head.length + body.length];
        System.arraycopy(head, 0, answer, 0, head.length);
        System.arraycopy(body, 0, answer, head.length, body.length);
        Step written = session.write(answer, answer.length);
        return written == null ? "answered " + Printable.quote(firstLine.getBytes(StandardCharsets.ISO_8859_1),
                firstLine.length(), 80) + " with 200 OK" : "the answer could not be written: " + written.result();
    }

    private static boolean headersComplete(ByteArrayOutputStream request) {
        return request.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n");
    }

    private String readEnd(GskSecureSession.ReadResult r) {
        if (stopped) {
            return "the server is stopping";
        }
        if (r.rc() == GSK_IBMI_ERROR_TIMED_OUT) {
            return "nothing to read for " + facts.readTimeoutMillis + " ms (GSK_IBMI_READ_TIMEOUT)";
        }
        return "gsk_secure_soc_read = " + new Step("read", r.rc(), r.errno(), null).result();
    }

    private String remoteAddress() {
        try {
            return channel.getRemoteAddress().toString().replaceFirst("^[^/]*/", "");
        } catch (IOException e) {
            return "(unknown address)";
        }
    }

    private void print(ConnectionReport report) {
        if (tls.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", "connection");
            m.putAll(report.toJson(tls.trace));
            line(Json.write(m));
        } else {
            TextReport.print(out, "[" + number + "] connection from " + report.peer, report, tls.trace);
        }
    }

    private void closed(String what) {
        if (tls.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", "closed");
            m.put("connection", number);
            m.put("summary", what);
            line(Json.write(m));
        } else {
            line("[" + number + "] closed: " + what);
        }
    }

    private void line(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
