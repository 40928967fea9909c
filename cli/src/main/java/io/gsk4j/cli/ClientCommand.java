package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.GSK_SSL_EXTN_SERVERNAME_REQUEST;

import io.gsk4j.CipherSpec;
import io.gsk4j.Party;
import io.gsk4j.StoreLocations;
import io.gsk4j.TlsProtocol;
import io.gsk4j.cli.Choices.Auth;
import io.gsk4j.cli.Choices.OnOff;
import io.gsk4j.cli.Choices.SessionType;
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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
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

    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "The server, e.g. example.com:443 or [::1]:4433, or a URL as pasted:"
            + " https://example.com:8443/path (the port defaults to the scheme's: https 443, ldaps 636, imaps 993, ...).")
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

    @Option(names = "--no-hostname-check",
            description = "Do not check that the server's certificate names the host. By default the client checks the"
                    + " name it connects to (or --sni, or --expected-hostname) by setting GSK4J_EXPECTED_HOSTNAME;"
                    + " a GSKit program checks nothing unless it sets that attribute.")
    boolean noHostnameCheck;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long the TCP connection may take. Default: ${DEFAULT-VALUE}.")
    int connectTimeout;

    @Option(names = "--send", paramLabel = "TEXT",
            description = "After the handshake, send TEXT (\\r, \\n, \\t and \\\\ are understood) and print the reply,"
                    + " e.g. --send 'HEAD / HTTP/1.0\\r\\n\\r\\n'.")
    String send;

    @Option(names = "--no-probe", description = "Never connect again to explain a failure.")
    boolean noProbe;

    @Option(names = "--starttls", paramLabel = "smtp|imap|pop3|ftp",
            description = "Ask the server in plain text to switch to TLS first (SMTP STARTTLS, IMAP STARTTLS, POP3 STLS,"
                    + " FTP AUTH TLS), then run gsk_secure_soc_init on the same socket.")
    String starttls;

    @Option(names = "--save-chain", paramLabel = "FILE",
            description = "Write the server's chain, as shown, to FILE as PEM (leaf first), also when the handshake failed.")
    java.nio.file.Path saveChain;

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
        if (noHostnameCheck && tls.expectedHostname != null) {
            throw new ParameterException(cl, "--expected-hostname and --no-hostname-check contradict each other");
        }
        StartTls.Protocol startTlsProtocol = startTlsProtocol(cl);
        HostPort hostPort;
        try {
            hostPort = HostPort.parse(target);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, e.getMessage());
        }
        DefaultTrust.Choice fallback = defaultTrust();
        char[] password = tls.password(cl);
        int readTimeout = tls.readTimeoutOr(DEFAULT_READ_TIMEOUT_MILLIS);
        String serverName = serverName(hostPort);
        String hostnameSource = expectHostname(hostPort);
        List<Setting> environment = tls.environmentSettings(sessionType, serverAuth, password, readTimeout);
        List<Setting> session = serverName == null ? List.of()
                : List.of(Setting.buffer("GSK_SSL_EXTN_SERVERNAME_REQUEST", GSK_SSL_EXTN_SERVERNAME_REQUEST, serverName));
        if (password != null) {
            Arrays.fill(password, '\0');
        }

        Facts facts = facts(hostPort, serverName, readTimeout);
        facts.expectedHostname = tls.expectedHostname;
        facts.expectedHostnameSource = hostnameSource;
        ConnectionReport report = new ConnectionReport("client", hostPort.toString());
        report.transcript = new Transcript();
        report.trustStore = trustStore(fallback);
        if (fallback != null) {
            facts.trustFallback = fallback.description() + " (" + fallback.file() + ")";
        }
        Probe.Base base = new Probe.Base(environment, session, hostPort, connectTimeout, tls.handshakeTimeout);
        connect(base, facts, report, startTlsProtocol);
        if (!report.ok()) {
            // probes speak TLS from the first byte: after STARTTLS they would only confuse the server
            if (report.stage == Facts.Stage.HANDSHAKE && !noProbe && !sessionType.isServer() && startTlsProtocol == null) {
                ClientDiagnosis.run(base, facts, report, cl.getErr());
            }
            report.explanation = report.stage == Facts.Stage.CONNECT ? Explanations.connectFailure(facts)
                    : Explanations.explain(report.failure.rc(), facts);
        }
        if (saveChain != null) {
            saveChain(report);
        }
        print(cl.getOut(), report);
        return report.ok() ? 0 : Main.FAILURE;
    }

    /** Environment, TCP connection, session, handshake, and the optional request. */
    private void connect(Probe.Base base, Facts facts, ConnectionReport report, StartTls.Protocol startTlsProtocol)
            throws InterruptedException {
        try (GskEnvironment env = GskEnvironment.open(base.environment(), report.transcript, "client")) {
            if (!env.ok()) {
                report.failure = env.failure();
                report.stage = Facts.stageOfEnvironment(env.failure());
                facts.failedAt(env.failure(), report.stage);
                return;
            }
            report.engine = env.engine();
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
            if (startTlsProtocol != null) {
                StartTls.Dialogue d = Progress.run(spec.commandLine().getErr(), "asking the server to start TLS ("
                        + startTlsProtocol.word() + ")", () -> StartTls.run(startTlsProtocol, channel,
                        "gsk4j.invalid", connectTimeout));
                report.startTls = d;
                if (!d.agreed()) {
                    report.stage = Facts.Stage.CONNECT;
                    facts.stage = Facts.Stage.CONNECT;
                    facts.startTlsRefusal = d;
                    Connector.close(channel);
                    return;
                }
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

    /**
     * No store named (no --keyring, --app-id, --stash or --label) and no *SYSTEM store in the gsk4j home:
     * the JDK's cacerts or the OS bundle stands in, with its well-known password unless one was given.
     */
    private DefaultTrust.Choice defaultTrust() {
        // a --label names a key of one's own: *SYSTEM then, as GSKit would, not a CA-only store
        if (tls.keyring != null || tls.applicationId != null || tls.stash != null || tls.label != null) {
            return null;
        }
        DefaultTrust.Choice choice = DefaultTrust.choose().orElse(null);
        if (choice != null) {
            tls.keyring = choice.file().toString();
            if (choice.password() != null && tls.password == null && tls.passwordFile == null) {
                tls.password = choice.password().toCharArray();
            }
        }
        return choice;
    }

    private StartTls.Protocol startTlsProtocol(CommandLine cl) {
        if (starttls == null) {
            return null;
        }
        try {
            return StartTls.Protocol.valueOf(starttls.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, "--starttls '" + starttls + "' is not one of: smtp, imap, pop3, ftp");
        }
    }

    /** Which store the run trusts, and why that one. */
    private ConnectionReport.TrustStore trustStore(DefaultTrust.Choice fallback) {
        if (fallback != null) {
            return new ConnectionReport.TrustStore(fallback.file().toString(), fallback.source(),
                    fallback.description() + ": no --keyring given, and no *SYSTEM store in "
                            + StoreLocations.defaults().home());
        }
        if (tls.applicationId != null) {
            return new ConnectionReport.TrustStore(null, "app-id", "the store of application ID " + tls.applicationId);
        }
        if (tls.keyring == null) {
            return new ConnectionReport.TrustStore(StoreLocations.defaults().systemStore().toString(), "*SYSTEM",
                    "GSKit's *SYSTEM store");
        }
        return new ConnectionReport.TrustStore(tls.keyring, "option", "--keyring");
    }

    /**
     * The tool checks the host name by default (a GSKit program does only when it sets
     * GSK4J_EXPECTED_HOSTNAME): the option, else the SNI asked for, else the host typed.
     * Returns where the name came from, or null when nothing is checked.
     */
    private String expectHostname(HostPort hostPort) {
        if (noHostnameCheck || sessionType.isServer()) {
            return tls.expectedHostname == null ? null : "--expected-hostname";
        }
        if (tls.expectedHostname != null) {
            return "--expected-hostname";
        }
        if (sni != null && !sni.isBlank()) {
            tls.expectedHostname = sni;
            return "--sni";
        }
        tls.expectedHostname = hostPort.host();
        return "the host connected to";
    }

    private void saveChain(ConnectionReport report) {
        if (report.chain.isEmpty()) {
            report.notes.add("--save-chain: there is no chain to save (the server sent none that this run saw)");
            return;
        }
        try {
            int n = ServerChain.write(saveChain, report.chain);
            report.notes.add("--save-chain: wrote " + n + " certificate" + (n == 1 ? "" : "s") + " (PEM, leaf first) to "
                    + saveChain);
        } catch (java.io.IOException e) {
            report.notes.add("--save-chain: could not write " + saveChain + ": " + e.getMessage());
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
        f.profile = tls.profile == null ? null : tls.profile.name().toLowerCase(java.util.Locale.ROOT);
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
