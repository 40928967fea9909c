package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.GSK_SSL_EXTN_SERVERNAME_REQUEST;

import io.gsk4j.CipherSpec;
import io.gsk4j.Party;
import io.gsk4j.TlsProtocol;
import io.gsk4j.cli.Choices.Auth;
import io.gsk4j.cli.Choices.OnOff;
import io.gsk4j.cli.Choices.SessionType;
import io.gsk4j.internal.certs.StoreLocations;
import java.io.PrintWriter;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gsk4j client HOST:PORT}: one handshake through the compat API, the way a GSKit
 * program makes it, and a report of what was negotiated or why it failed.
 */
@Command(name = "client", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Connects to a TLS server as a GSKit client and explains the outcome.",
        description = {
            "Opens a GSKit environment with the options below (each sets one GSKit attribute), connects to HOST:PORT,"
                    + " runs gsk_secure_soc_init and prints the negotiated protocol and cipher spec, the server's chain,"
                    + " the validation code and, when the handshake fails, the status, its gsk_strerror text and an"
                    + " explanation with the likely fix.",
            "To make an explanation specific the client may connect again: once with GSK_SERVER_AUTH_PASSTHRU to fetch"
                    + " the chain a refused server sent, a few times to learn which protocols and cipher suites the server"
                    + " accepts, once in plain TCP to see what a port that is not TLS says. The output says so;"
                    + " --no-probe turns this off."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the handshake succeeded",
            "1:the handshake (or the TCP connection) failed; the status is in the output",
            "2:usage error (bad option or argument)"})
final class ClientCommand implements Callable<Integer> {
    private static final int DEFAULT_READ_TIMEOUT_MILLIS = 10_000;

    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "The server, e.g. example.com:443 or [::1]:4433.")
    String target;

    @Option(names = "--session-type", paramLabel = "TYPE", defaultValue = "client",
            description = "GSK_SESSION_TYPE: client (default), or server / server-with-cl-auth /"
                    + " server-with-cl-auth-critical to act as the TLS server on this outgoing connection.")
    SessionType sessionType;

    @Option(names = "--server-auth", paramLabel = "full|passthru",
            description = "GSK_SERVER_AUTH_TYPE: full (GSKit's default) refuses a server whose chain does not validate;"
                    + " passthru completes the handshake and reports the problem as the validation code.")
    Auth serverAuth;

    @Option(names = "--sni", paramLabel = "NAME",
            description = "GSK_SSL_EXTN_SERVERNAME_REQUEST: the server name to ask for. Default: HOST when it is a name"
                    + " (IP addresses are never sent).")
    String sni;

    @Option(names = "--no-sni", description = "Send no server name at all.")
    boolean noSni;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long the TCP connection may take. Default: ${DEFAULT-VALUE}.")
    int connectTimeout;

    @Option(names = "--send", paramLabel = "TEXT",
            description = "After the handshake, send TEXT (\\r, \\n, \\t and \\\\ are understood) and print the reply,"
                    + " e.g. --send 'HEAD / HTTP/1.0\\r\\n\\r\\n'.")
    String send;

    @Option(names = "--no-probe", description = "Never connect again to explain a failure.")
    boolean noProbe;

    @Mixin
    TlsOptions tls;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        tls.validate(cl);
        tls.warnAboutDisabledProtocols(cl.getErr());
        if (connectTimeout < 1) {
            throw new ParameterException(cl, "--connect-timeout must be at least 1 second");
        }
        if (sni != null && noSni) {
            throw new ParameterException(cl, "--sni and --no-sni contradict each other");
        }
        HostPort hostPort;
        try {
            hostPort = HostPort.parse(target);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, e.getMessage());
        }
        char[] password = tls.password(cl);
        int readTimeout = tls.readTimeoutOr(DEFAULT_READ_TIMEOUT_MILLIS);
        List<Setting> environment = tls.environmentSettings(sessionType, serverAuth, password, readTimeout);
        String serverName = serverName(hostPort);
        List<Setting> session = serverName == null ? List.of()
                : List.of(Setting.buffer("GSK_SSL_EXTN_SERVERNAME_REQUEST", GSK_SSL_EXTN_SERVERNAME_REQUEST, serverName));
        if (password != null) {
            Arrays.fill(password, '\0');
        }

        Facts facts = facts(hostPort, serverName, readTimeout);
        ConnectionReport report = new ConnectionReport("client", hostPort.toString());
        report.transcript = new Transcript();
        Probe.Base base = new Probe.Base(environment, session, hostPort, connectTimeout, tls.handshakeTimeout);
        connect(base, facts, report);
        if (!report.ok()) {
            if (report.stage == Facts.Stage.HANDSHAKE && !noProbe && !sessionType.isServer()) {
                ClientDiagnosis.run(base, facts, report, cl.getErr());
            }
            report.explanation = report.stage == Facts.Stage.CONNECT ? Explanations.connectFailure(facts)
                    : Explanations.explain(report.failure.rc(), facts);
        }
        print(cl.getOut(), report);
        return report.ok() ? 0 : Main.FAILURE;
    }

    /** Environment, TCP connection, session, handshake, and the optional request. */
    private void connect(Probe.Base base, Facts facts, ConnectionReport report) throws InterruptedException {
        try (GskEnvironment env = GskEnvironment.open(base.environment(), report.transcript, "client")) {
            if (!env.ok()) {
                report.failure = env.failure();
                report.stage = Facts.stageOfEnvironment(env.failure());
                facts.failedAt(env.failure(), report.stage);
                return;
            }
            SocketChannel channel;
            try {
                channel = Progress.run(spec.commandLine().getErr(), "connecting to " + base.target(),
                        () -> Connector.connect(base.target(), connectTimeout));
            } catch (Connector.Failure e) {
                report.stage = Facts.Stage.CONNECT;
                report.connectErrno = e.errno;
                facts.stage = Facts.Stage.CONNECT;
                facts.errno = e.errno;
                facts.unknownHost = e.unknownHost;
                facts.connectError = e.getMessage();
                return;
            }
            try (channel; GskSecureSession session = GskSecureSession.open(env, channel, base.session(), report.transcript, "client")) {
                report.connectedTo = channel.getRemoteAddress().toString().replaceFirst("^[^/]*/", "");
                handshake(session, facts, report);
            } catch (java.io.IOException e) {
                // closing the socket failed after the work was done: nothing to report
            }
        }
    }

    private void handshake(GskSecureSession session, Facts facts, ConnectionReport report) throws InterruptedException {
        if (session.setUpFailure() != null) {
            report.failure = session.setUpFailure();
            report.stage = Facts.Stage.SETUP;
            facts.failedAt(report.failure, report.stage);
            return;
        }
        Step failed = Progress.run(spec.commandLine().getErr(), "waiting for the server's handshake (timeout "
                + (tls.handshakeTimeout == 0 ? "none" : tls.handshakeTimeout + " s") + ")", session::handshake);
        facts.certificateAuthorities = session.certificateRequestAuthorities();
        report.certificateAuthorities = facts.certificateAuthorities;
        if (failed != null) {
            report.failure = failed;
            report.stage = Facts.Stage.HANDSHAKE;
            int code = session.validationCode();
            // 0 after a failure only means no chain was judged: not worth a line
            if (code > 0) {
                report.validation(code, session.lastValidationError());
            }
            facts.failedAt(failed, Facts.Stage.HANDSHAKE);
            facts.validationCode = report.validationForFacts();
            return;
        }
        report.stage = Facts.Stage.HANDSHAKE;
        Negotiated n = session.negotiated();
        report.negotiated = n;
        report.validation(n.validationCode(), n.lastValidationError());
        report.chain = n.partnerChain();
        report.chainSource = "as the server sent it";
        if (n.validationCode() != 0) {
            facts.chain = n.partnerChain();
            facts.validationCode = report.validationForFacts();
            report.notes.add("GSK_SERVER_AUTH_PASSTHRU let the handshake through: "
                    + Explanations.explain(n.validationCode(), facts).what());
        }
        report.exchange = send != null ? ClientExchange.run(session, Printable.unescape(send)) : ClientExchange.listen(session);
        if (report.exchange != null && report.exchange.failure() != null) {
            facts.failedAt(report.exchange.failure(), Facts.Stage.DATA);
            report.dataExplanation = Explanations.explain(report.exchange.failure().rc(), facts);
            if (facts.refusedBy == Party.PEER) {
                // the server refused this client after the handshake (TLS 1.3 checks the client's
                // certificate then): the connection failed, whatever gsk_secure_soc_init returned
                ConnectionReport.Exchange e = report.exchange;
                report.failure = e.failure();
                report.stage = Facts.Stage.DATA;
                // said once, as the run's failure, not again under the exchange
                report.exchange = new ConnectionReport.Exchange(e.sent(), e.received(), e.receivedBytes(), null, e.note());
                report.dataExplanation = null;
            }
        }
    }

    /** SNI: the option, else the host name typed (never an IP address), unless --no-sni. */
    private String serverName(HostPort hostPort) {
        if (noSni || sessionType.isServer()) { // SNI is the client's request
            return null;
        }
        if (sni != null) {
            return sni.isBlank() ? null : sni;
        }
        return hostPort.isIpLiteral() ? null : hostPort.host();
    }

    private Facts facts(HostPort hostPort, String serverName, int readTimeout) {
        Facts f = new Facts();
        f.server = sessionType.isServer();
        f.peer = hostPort.toString();
        f.host = hostPort.host();
        f.store = tls.keyring != null ? tls.keyring : "*SYSTEM";
        f.label = tls.label;
        f.pemStore = tls.keyring != null && TlsOptions.isPemFile(tls.keyring);
        f.applicationId = tls.applicationId;
        f.home = StoreLocations.defaults().home().toString();
        f.handshakeTimeoutSeconds = tls.handshakeTimeout;
        f.readTimeoutMillis = readTimeout;
        f.connectTimeoutSeconds = connectTimeout;
        f.sni = serverName;
        f.offered = offered();
        return f;
    }

    /** Our cipher lists for each protocol switched on: the option's list, else gsk4j's default. */
    private Map<String, List<String>> offered() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (tls.tls13 != OnOff.OFF) {
            out.put("TLS 1.3", list(tls.tls13Ciphers, TlsProtocol.TLSV13));
        }
        if (tls.tls12 != OnOff.OFF) {
            out.put("TLS 1.2", list(tls.tls12Ciphers, TlsProtocol.TLSV12));
        }
        return out;
    }

    /** The option's names, or for the default list a short description of it (it is long). */
    private static List<String> list(String option, TlsProtocol p) {
        if (option == null) {
            return List.of("gsk4j's default list (" + CipherSpec.defaultList(p).size() + " suites)");
        }
        List<CipherSpec> specs;
        try {
            specs = CipherSpec.parseExList(option);
        } catch (IllegalArgumentException e) {
            return List.of(option.split(","));
        }
        List<String> names = new ArrayList<>();
        specs.forEach(s -> names.add(s.gskName()));
        return names;
    }

    private void print(PrintWriter out, ConnectionReport report) {
        if (tls.json) {
            out.println(Json.write(report.toJson(tls.trace)));
            out.flush();
        } else {
            TextReport.print(out, "gsk4j client " + report.peer, report, tls.trace);
        }
    }
}
