package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.GSK_SSL_EXTN_SERVERNAME_CRITICAL_LIST;
import static io.gsk4j.compat.Gsk.GSK_TLSV12_CIPHER_SPECS_EX;
import static io.gsk4j.compat.Gsk.GSK_TLSV13_CIPHER_SPECS_EX;
import static io.gsk4j.compat.Gsk.QsoCreateIOCompletionPort;
import static io.gsk4j.compat.Gsk.QsoDestroyIOCompletionPort;
import static io.gsk4j.compat.Gsk.errnoName;

import io.gsk4j.CipherSpec;
import io.gsk4j.StoreLocations;
import io.gsk4j.TlsProtocol;
import io.gsk4j.cli.Choices.Auth;
import io.gsk4j.cli.Choices.ClientAuth;
import io.gsk4j.cli.Choices.ServerMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gsk4j server}: a GSKit server environment, initialised once, and one secure session
 * per accepted connection, built as docs/ASYNC.md recommends: one I/O completion port, a
 * fixed number of threads taking its completions, startInit/startRecv/startSend with a wait
 * limit on every receive and send, and a cap on open connections. Every connection's outcome
 * is printed the way {@code client} prints its own. Ctrl-C closes the listener and the open
 * sessions.
 */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Runs a GSKit TLS server (echo or a minimal HTTP answer) and explains each connection.",
        description = {
            "Initialises one GSKit server environment with the options below (each sets one GSKit attribute), listens,"
                    + " and for every connection runs gsk_secure_soc_init and prints the outcome: protocol, cipher spec,"
                    + " the client's certificate, or the failure with its explanation. In echo mode every byte read is"
                    + " written back; in http mode one request gets a short plain-text answer describing the session.",
            "The first line says where it listens (with --port 0, the port the system picked). Ctrl-C stops it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped normally (every handshake succeeded, when --max-connections was given)",
            "1:could not start (store, listener), or a handshake failed with --max-connections",
            "2:usage error (bad option or argument)"})
final class ServerCommand implements Callable<Integer> {
    private static final int DEFAULT_READ_TIMEOUT_MILLIS = 30_000;
    private static final long STOP_WAIT_SECONDS = 5;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "4433",
            description = "TCP port to listen on; 0 lets the system pick one (printed on the first line). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on; 0.0.0.0 (or ::) for every interface. Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--client-auth", paramLabel = "none|optional|required", defaultValue = "none",
            description = "GSK_SESSION_TYPE: none = GSK_SERVER_SESSION, optional = GSK_SERVER_SESSION_WITH_CL_AUTH,"
                    + " required = GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL. Default: ${DEFAULT-VALUE}.")
    ClientAuth clientAuth;

    @Option(names = "--client-auth-type", paramLabel = "full|passthru",
            description = "GSK_CLIENT_AUTH_TYPE: full (GSKit's default) refuses client certificates that do not validate;"
                    + " passthru lets them in and reports the validation code.")
    Auth clientAuthType;

    @Option(names = "--critical-names", paramLabel = "LIST",
            description = "GSK_SSL_EXTN_SERVERNAME_CRITICAL_LIST: comma-separated server names; a client asking for"
                    + " another name is refused.")
    String criticalNames;

    @Option(names = "--mode", paramLabel = "echo|http", defaultValue = "echo",
            description = "What to do with a secure connection: echo (default) or http.")
    ServerMode mode;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "0",
            description = "Stop after N connections (0 = run until Ctrl-C).")
    int maxConnections;

    @Option(names = "--connection-limit", paramLabel = "N", defaultValue = "" + ServerLimits.DEFAULT_CONNECTION_LIMIT,
            description = "At most N connections open at once; one more is closed at once and reported as refused."
                    + " Default: ${DEFAULT-VALUE}.")
    int connectionLimit;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "" + ServerLimits.DEFAULT_THREADS,
            description = "Threads taking completions from the server's I/O completion port (1 to 64); gsk4j's own"
                    + " I/O threads (at most 4) do the socket work. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--write-timeout", paramLabel = "SECONDS", defaultValue = "" + ServerLimits.DEFAULT_WRITE_TIMEOUT_SECONDS,
            description = "How long one send may wait for a client that does not read (the startSend operationWaitTime);"
                    + " then the connection is cut off. 0 waits forever. Default: ${DEFAULT-VALUE}.")
    int writeTimeout;

    @Option(names = "--engine-ciphers",
            description = "Offer the JDK engine's default cipher suites, in its order, instead of IBM's default lists"
                    + " (sets GSK_TLSV13_CIPHER_SPECS_EX and GSK_TLSV12_CIPHER_SPECS_EX to them).")
    boolean engineCiphers;

    @Mixin
    TlsOptions tls;

    @Spec
    CommandSpec spec;

    private final Set<ServerConnection> active = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean stopping;
    private volatile ServerSocketChannel listener;
    private final CountDownLatch finished = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        tls.validate(cl);
        if (port < 0 || port > 65535) {
            throw new ParameterException(cl, "--port must be 0 to 65535");
        }
        if (maxConnections < 0) {
            throw new ParameterException(cl, "--max-connections must be 0 or more");
        }
        if (connectionLimit < 1) {
            throw new ParameterException(cl, "--connection-limit must be 1 or more");
        }
        if (threads < 1 || threads > 64) {
            throw new ParameterException(cl, "--threads must be 1 to 64");
        }
        if (writeTimeout < 0) {
            throw new ParameterException(cl, "--write-timeout must be 0 or more");
        }
        if (engineCiphers && (tls.tls13Ciphers != null || tls.tls12Ciphers != null)) {
            throw new ParameterException(cl, "--engine-ciphers replaces --tls13-ciphers and --tls12-ciphers: give one or the other");
        }
        PrintWriter out = cl.getOut();
        char[] password = tls.password(cl);
        int readTimeout = tls.readTimeoutOr(DEFAULT_READ_TIMEOUT_MILLIS);
        List<Setting> settings = new ArrayList<>(tls.environmentSettings(clientAuth.sessionType, clientAuthType, password, readTimeout));
        if (criticalNames != null) {
            settings.add(Setting.buffer("GSK_SSL_EXTN_SERVERNAME_CRITICAL_LIST", GSK_SSL_EXTN_SERVERNAME_CRITICAL_LIST, criticalNames));
        }
        if (engineCiphers) {
            settings.addAll(engineCipherSettings());
        }
        if (password != null) {
            Arrays.fill(password, '\0');
        }
        Transcript setUp = new Transcript();
        try (GskEnvironment env = GskEnvironment.open(settings, setUp, "server")) {
            settings.clear(); // the password's String must not stay reachable for the server's lifetime
            if (!env.ok()) {
                return cannotStart(out, env.failure(), setUp);
            }
            ServerSocketChannel listener;
            try {
                listener = ServerSocketChannel.open();
                listener.bind(new InetSocketAddress(bind, port));
            } catch (IOException | RuntimeException e) {
                cl.getErr().println("gsk4j: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
                cl.getErr().flush();
                return Main.FAILURE;
            }
            ServerLimits limits = new ServerLimits(threads, connectionLimit, ServerLimits.secondsOf(readTimeout), writeTimeout);
            lint = lintPresented(env);
            engine = env.engine();
            return serve(env, listener, out, readTimeout, limits, env.localCertificate());
        }
    }

    /** The engine's default suites as the two _EX lists (each only when the engine has any for it). */
    static List<Setting> engineCipherSettings() {
        List<Setting> out = new ArrayList<>();
        String tls13 = names(CipherSpec.engineDefaultList(TlsProtocol.TLSV13));
        String tls12 = names(CipherSpec.engineDefaultList(TlsProtocol.TLSV12));
        if (!tls13.isEmpty()) {
            out.add(Setting.buffer("GSK_TLSV13_CIPHER_SPECS_EX", GSK_TLSV13_CIPHER_SPECS_EX, tls13));
        }
        if (!tls12.isEmpty()) {
            out.add(Setting.buffer("GSK_TLSV12_CIPHER_SPECS_EX", GSK_TLSV12_CIPHER_SPECS_EX, tls12));
        }
        return out;
    }

    private static String names(List<CipherSpec> specs) {
        List<String> out = new ArrayList<>();
        specs.forEach(c -> out.add(c.gskName()));
        return String.join(",", out);
    }

    private int serve(GskEnvironment env, ServerSocketChannel listener, PrintWriter out, int readTimeout, ServerLimits limits,
                      CertSummary local) throws IOException {
        InetSocketAddress address = (InetSocketAddress) listener.getLocalAddress();
        this.listener = listener;
        int port = QsoCreateIOCompletionPort();
        if (port < 0) {
            spec.commandLine().getErr().println("gsk4j: no I/O completion port: " + errnoName());
            spec.commandLine().getErr().flush();
            Connector.close(listener);
            return Main.FAILURE;
        }
        Thread hook = new Thread(this::stopAndWait, "gsk4j-server-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        List<Thread> takers = CompletionTakers.start(port, limits.threads(), spec.commandLine().getErr());
        announce(out, address, local);
        int accepted = 0;
        try {
            while (!stopping && (maxConnections == 0 || accepted < maxConnections)) {
                SocketChannel channel;
                try {
                    channel = Connector.noDelay(listener.accept());
                } catch (ClosedChannelException e) {
                    break; // Ctrl-C closed the listener
                }
                if (active.size() >= limits.connectionLimit()) {
                    refuse(out, channel, limits);
                    continue;
                }
                int number = ++accepted;
                Facts facts = facts(readTimeout);
                facts.label = label(env);
                ServerConnection connection = new ServerConnection(number, channel, env, facts, mode, tls, out, limits,
                        this::finished);
                active.add(connection);
                if (!CompletionTakers.hand(port, connection)) {
                    finished(connection, false);
                    Connector.close(channel);
                }
            }
            Connector.close(listener);
            awaitIdle();
            QsoDestroyIOCompletionPort(port);
            CompletionTakers.join(takers, STOP_WAIT_SECONDS);
            stopped(out, accepted);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl-C): the hook is running
            }
        }
        return maxConnections > 0 && failures.get() > 0 ? Main.FAILURE : 0;
    }

    /** A connection's last step: forget it, count a failed handshake, wake {@link #awaitIdle()}. */
    private void finished(ServerConnection connection, boolean handshakeOk) {
        if (!handshakeOk) {
            failures.incrementAndGet();
        }
        synchronized (active) {
            active.remove(connection);
            active.notifyAll();
        }
    }

    /** Waits until every connection has finished; while stopping, ends the ones still open. */
    private void awaitIdle() {
        synchronized (active) {
            while (!active.isEmpty()) {
                if (stopping) {
                    List.copyOf(active).forEach(ServerConnection::stop);
                }
                try {
                    active.wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One connection over --connection-limit: closed at once, without a session, and said so. */
    private void refuse(PrintWriter out, SocketChannel channel, ServerLimits limits) {
        String peer;
        try {
            peer = channel.getRemoteAddress().toString().replaceFirst("^[^/]*/", "");
        } catch (IOException e) {
            peer = "(unknown address)";
        }
        Connector.close(channel);
        int count = refused.incrementAndGet();
        synchronized (out) {
            if (tls.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("schemaVersion", Json.SCHEMA_VERSION);
                m.put("event", "refused");
                m.put("peer", peer);
                m.put("connectionLimit", limits.connectionLimit());
                out.println(Json.write(m));
            } else if (count <= 10 || Integer.bitCount(count) == 1) {
                // a flood prints a few lines, not one per connection
                out.println("[refused #" + count + "] " + peer + ": " + limits.connectionLimit()
                        + " connections are open (--connection-limit)");
            }
            out.flush();
        }
    }

    /** How many connections are open now (tests watch it). */
    int openConnections() {
        return active.size();
    }

    /** Stops the server as Ctrl-C does: wakes accept(), ends the open sessions. Tests call it too. */
    void stop() {
        stopping = true;
        Connector.close(listener);
        List.copyOf(active).forEach(ServerConnection::stop);
        synchronized (active) {
            active.notifyAll();
        }
    }

    /** The shutdown hook: stop, then wait for the summary line before the JVM goes. */
    private void stopAndWait() {
        stop();
        try {
            finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The key's label, given or the store's default, so advice can name it (Java API: compat has no getter). */
    private String label(GskEnvironment env) {
        if (tls.label != null) {
            return tls.label;
        }
        io.gsk4j.Environment e = io.gsk4j.compat.Gsk.environmentOf(env.handle());
        return e == null ? null : e.localLabel().orElse(null);
    }

    private Facts facts(int readTimeout) {
        Facts f = new Facts();
        f.server = true;
        f.store = tls.keyring != null ? tls.keyring : "*SYSTEM";
        f.label = tls.label;
        f.pemStore = tls.keyring != null && TlsOptions.isPemFile(tls.keyring);
        f.applicationId = tls.applicationId;
        f.home = StoreLocations.defaults().home().toString();
        f.handshakeTimeoutSeconds = tls.handshakeTimeout;
        f.readTimeoutMillis = readTimeout;
        f.clientAuth = clientAuth.word();
        f.offered = new LinkedHashMap<>();
        return f;
    }

    private int cannotStart(PrintWriter out, Step failure, Transcript setUp) {
        ConnectionReport report = new ConnectionReport("server", bind + ":" + port);
        report.failure = failure;
        report.stage = Facts.stageOfEnvironment(failure);
        report.transcript = setUp;
        Facts f = facts(tls.readTimeoutOr(DEFAULT_READ_TIMEOUT_MILLIS)).failedAt(failure, report.stage);
        report.explanation = Explanations.explain(failure.rc(), f);
        if (tls.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("schemaVersion", Json.SCHEMA_VERSION);
            m.put("event", "failed-to-start");
            m.putAll(report.toJson(tls.trace));
            out.println(Json.write(m));
            out.flush();
        } else {
            TextReport.print(out, "gsk4j server: the environment could not be set up", report, tls.trace);
        }
        return Main.FAILURE;
    }

    /** What the startup announcement warns about the chain the store gives this server (empty without a key). */
    private List<ServerLint.Finding> lint = List.of();
    /** The TLS engine the environment runs on, for the announcement. */
    private io.gsk4j.TlsEngine engine;

    private static List<ServerLint.Finding> lintPresented(GskEnvironment env) {
        io.gsk4j.Environment core = io.gsk4j.compat.Gsk.environmentOf(env.handle());
        return core == null ? List.of() : ServerLint.check(core.localCertificates(), java.time.Instant.now());
    }

    private void announce(PrintWriter out, InetSocketAddress local, CertSummary presented) {
        String where = local.getAddress().getHostAddress() + ":" + local.getPort();
        String noKey = "the store has no key to present: every handshake will fail with 403 GSK_ERROR_NO_CERTIFICATE";
        if (tls.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("schemaVersion", Json.SCHEMA_VERSION);
            m.put("event", "listening");
            m.put("address", local.getAddress().getHostAddress());
            m.put("port", local.getPort());
            m.put("mode", mode.word());
            m.put("sessionType", clientAuth.gskName());
            m.put("engine", engine == null ? null : EngineReport.toJson(engine));
            m.put("certificate", presented == null ? null : presented.toJson());
            m.put("warning", presented == null ? noKey : null);
            m.put("lint", lint.stream().map(ServerLint.Finding::toJson).toList());
            out.println(Json.write(m));
        } else {
            // the first line is for scripts: they read the port from it
            out.println("gsk4j server listening on " + where + " (" + mode.word() + ", " + clientAuth.gskName() + ")"
                    + (maxConnections > 0 ? ", stopping after " + maxConnections + " connection" + (maxConnections == 1 ? "" : "s")
                    : "; Ctrl-C stops it"));
            out.println(presented == null ? "  warning: " + noKey
                    : "  presenting    " + presented.subject() + " (issuer " + presented.issuer() + ", valid to "
                    + Explanations.day(presented.notAfter()) + ")");
            if (engine != null) {
                out.println(TextReport.wrapped("engine", EngineReport.text(engine)));
            }
            lint.forEach(f -> out.println("  warning: " + f.message()));
        }
        out.flush();
    }

    private void stopped(PrintWriter out, int accepted) {
        synchronized (out) {
            if (tls.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("schemaVersion", Json.SCHEMA_VERSION);
                m.put("event", "stopped");
                m.put("connections", accepted);
                m.put("failed", failures.get());
                m.put("refused", refused.get());
                out.println(Json.write(m));
            } else {
                out.println("gsk4j server stopped after " + accepted + " connection" + (accepted == 1 ? "" : "s")
                        + (failures.get() > 0 ? " (" + failures.get() + " failed)" : "")
                        + (refused.get() > 0 ? "; " + refused.get() + " refused over --connection-limit" : ""));
            }
            out.flush();
        }
    }
}
