package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.*;

import io.gsk4j.Errno;
import io.gsk4j.cli.Choices.ServerMode;
import io.gsk4j.compat.Qso_OverlappedIO_t;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One accepted connection of {@code gsk4j server}, moved along by completions as in
 * docs/ASYNC.md: startInit, its report, then startRecv/startSend (echo, or one HTTP answer),
 * then close (session first, so its close_notify still has a socket, then the socket). No
 * thread belongs to it: each step runs on whichever server thread took the completion, and
 * only one operation is outstanding at a time, so two steps never run at once.
 */
final class ServerConnection {
    private static final int MAX_REQUEST = 16 * 1024;
    private static final int BUFFER = 16 * 1024;

    /** Told once, when the connection is over. */
    interface Finished {
        void finished(ServerConnection connection, boolean handshakeOk);
    }

    private final int number;
    private final SocketChannel channel;
    private final GskEnvironment env;
    private final Facts facts;
    private final ServerMode mode;
    private final TlsOptions tls;
    private final PrintWriter out;
    private final ServerLimits limits;
    private final Finished whenFinished;
    private final byte[] buffer = new byte[BUFFER];
    private final ByteArrayOutputStream request = new ByteArrayOutputStream();
    private int port;
    private Negotiated negotiated;
    private long echoed;
    private byte[] answer;
    private String answeredLine;
    private volatile GskSecureSession session;
    private volatile boolean stopped;
    private boolean over;
    private ConnectionReport pendingReport;

    ServerConnection(int number, SocketChannel channel, GskEnvironment env, Facts facts, ServerMode mode, TlsOptions tls,
                     PrintWriter out, ServerLimits limits, Finished whenFinished) {
        this.number = number;
        this.channel = channel;
        this.env = env;
        this.facts = facts;
        this.mode = mode;
        this.tls = tls;
        this.out = out;
        this.limits = limits;
        this.whenFinished = whenFinished;
    }

    /** First step, on a server thread: the session and its handshake, started against {@code port}. */
    void begin(int completionPort) {
        this.port = completionPort;
        facts.peer = remoteAddress();
        ConnectionReport report = newReport();
        session = GskSecureSession.open(env, channel, List.of(), report.transcript, "server");
        if (stopped) {
            session.close(); // stop() ran before the session existed
        }
        if (session.setUpFailure() != null) {
            handshakeFailed(report, session.setUpFailure(), Facts.Stage.SETUP);
            return;
        }
        pendingReport = report;
        int rc = session.startHandshake(port, area(null, 0, 0));
        if (rc != GSK_IBMI_ASYNCHRONOUS_SOC_INIT) {
            pendingReport = null;
            handshakeFailed(report, session.handshakeFailed("gsk_secure_soc_startInit(session, port, &area)", rc,
                    errnoOf(rc, errno())), Facts.Stage.HANDSHAKE);
        }
    }

    /** A completion of one of this connection's operations. */
    void completed(Qso_OverlappedIO_t done) {
        switch (done.operationCompleted) {
            case GSKSECURESOCSTARTINIT -> handshakeDone(done);
            case GSKSECURESOCSTARTRECV -> received(done);
            case GSKSECURESOCSTARTSEND -> sent(done);
            default -> finish("unexpected completion " + done.operationCompleted);
        }
    }

    /** Ctrl-C or a server stop: ends the session; its pending operation completes with GSK_IBMI_ERROR_CLOSED. */
    void stop() {
        stopped = true;
        GskSecureSession s = session;
        if (s != null) {
            s.close();
        }
    }

    private void handshakeDone(Qso_OverlappedIO_t done) {
        ConnectionReport report = pendingReport;
        pendingReport = null;
        if (done.returnValue != GSK_OK) {
            handshakeFailed(report, session.handshakeFailed("gsk_secure_soc_startInit(session, port, &area)",
                    done.returnValue, errnoOf(done.returnValue, done.errnoValue)), Facts.Stage.HANDSHAKE);
            return;
        }
        report.stage = Facts.Stage.HANDSHAKE;
        Negotiated n = session.negotiated();
        negotiated = n;
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
        receive();
    }

    private void handshakeFailed(ConnectionReport report, Step failed, Facts.Stage stage) {
        report.failure = failed;
        report.stage = stage;
        int code = session.validationCode();
        if (code > 0) {
            report.validation(code, session.lastValidationError());
        }
        facts.failedAt(failed, stage).validationCode = report.validationForFacts();
        report.explanation = Explanations.explain(failed.rc(), facts);
        print(report);
        end(false);
    }

    private void receive() {
        int rc = session.startReceive(port, area(buffer, buffer.length, limits.readTimeoutSeconds()));
        if (rc != GSK_OK && rc != GSK_IBMI_ASYNCHRONOUS_RECV) {
            finish(dataEnd("no more data could be read", rc, errnoOf(rc, errno()), false));
        }
    }

    private void send(byte[] data, int length) {
        int rc = session.startSend(port, area(data, length, limits.writeTimeoutSeconds()));
        if (rc != GSK_OK && rc != GSK_IBMI_ASYNCHRONOUS_SEND) {
            finish(dataEnd("the write failed", rc, errnoOf(rc, errno()), true));
        }
    }

    private void received(Qso_OverlappedIO_t done) {
        if (done.returnValue != GSK_OK) {
            finish(dataEnd("no more data could be read", done.returnValue, errnoOf(done.returnValue, done.errnoValue), false));
            return;
        }
        int count = done.secureDataTransferSize;
        if (mode == ServerMode.ECHO) {
            if (count == 0) {
                finish(echoed() + (stopped ? "the server is stopping" : "the client ended the session"));
            } else {
                send(buffer, count);
            }
            return;
        }
        if (count == 0) {
            finish("the client ended the session before a complete HTTP request");
            return;
        }
        request.write(buffer, 0, count);
        if (!HttpAnswer.headersComplete(request.toString(StandardCharsets.ISO_8859_1)) && request.size() < MAX_REQUEST) {
            receive();
            return;
        }
        answeredLine = request.toString(StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
        byte[] body = HttpAnswer.body(negotiated, answeredLine).getBytes(StandardCharsets.UTF_8);
        byte[] head = HttpAnswer.head(body.length).getBytes(StandardCharsets.US_ASCII);
        answer = new byte[head.length + body.length];
        System.arraycopy(head, 0, answer, 0, head.length);
        System.arraycopy(body, 0, answer, head.length, body.length);
        send(answer, answer.length);
    }

    private void sent(Qso_OverlappedIO_t done) {
        if (done.returnValue != GSK_OK) {
            Errno errno = errnoOf(done.returnValue, done.errnoValue);
            if (errno == Errno.EAGAIN) {
                abortSocket();
            }
            if (mode == ServerMode.ECHO) {
                echoed += done.secureDataTransferSize;
            }
            finish(mode == ServerMode.HTTP ? "the answer could not be written: " + dataEnd("", done.returnValue, errno, true)
                    : dataEnd("the write failed", done.returnValue, errno, true));
            return;
        }
        if (mode == ServerMode.HTTP) {
            finish("answered " + Printable.quote(answeredLine.getBytes(StandardCharsets.ISO_8859_1), answeredLine.length(), 80)
                    + " with 200 OK");
            return;
        }
        echoed += done.secureDataTransferSize;
        receive();
    }

    private String echoed() {
        return mode == ServerMode.ECHO ? "echoed " + echoed + " bytes; " : "";
    }

    /** Why the data phase ended, in words. */
    private String dataEnd(String what, int rc, Errno errno, boolean writing) {
        String prefix = echoed();
        if (stopped) {
            return prefix + "the server is stopping";
        }
        if (rc == GSK_ERROR_IO && errno == Errno.EAGAIN) {
            return prefix + (writing
                    ? "the client read nothing for " + limits.writeTimeoutSeconds() + " s (--write-timeout): cut off"
                    : "nothing to read for " + limits.readTimeoutSeconds() + " s (--read-timeout)");
        }
        String result = new Step("", rc, errno, null).result();
        return what.isEmpty() ? result : prefix + what + ": " + (writing ? "" : "gsk_secure_soc_read = ") + result;
    }

    /** After a failure of the server itself: report and close whatever is left. */
    void abandon(String why) {
        finish(why);
    }

    private void finish(String summary) {
        closed(summary);
        end(true);
    }

    /** Closes session and socket and tells the server; once. */
    private void end(boolean handshakeOk) {
        if (over) {
            return;
        }
        over = true;
        if (session != null) {
            session.close();
        }
        Connector.close(channel);
        whenFinished.finished(this, handshakeOk);
    }

    /**
     * A client that stopped reading leaves the socket full: the session's close_notify could
     * not be sent. The socket goes first then, so closing never waits for that client.
     */
    private void abortSocket() {
        Connector.close(channel);
    }

    private Qso_OverlappedIO_t area(byte[] data, int length, int waitSeconds) {
        Qso_OverlappedIO_t a = new Qso_OverlappedIO_t();
        a.descriptorHandle = this;
        a.buffer = data;
        a.bufferLength = length;
        a.postFlag = 1; // every result through the port, also when the call finishes at once
        a.operationWaitTime.tv_sec = waitSeconds;
        return a;
    }

    private static Errno errnoOf(int rc, int errno) {
        return rc == GSK_ERROR_IO ? Errno.fromCode(errno).orElse(null) : null;
    }

    private ConnectionReport newReport() {
        ConnectionReport report = new ConnectionReport("server", facts.peer);
        report.connectionNumber = number;
        report.transcript = new Transcript();
        return report;
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
            m.put("schemaVersion", Json.SCHEMA_VERSION);
            m.put("event", "connection");
            m.putAll(report.toJson(tls.trace));
            line(Json.write(m));
        } else {
            synchronized (out) {
                TextReport.print(out, "[" + number + "] connection from " + report.peer, report, tls.trace);
            }
        }
    }

    private void closed(String what) {
        if (tls.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("schemaVersion", Json.SCHEMA_VERSION);
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
