package io.gsk4j.bench;

import io.gsk4j.Environment;
import io.gsk4j.TlsEngine;
import io.gsk4j.attr.EnumValue;
import javax.net.ssl.SSLContext;

/**
 * gsk4j on one engine: blocking Sessions on loopback, and its environments' SSLContext in memory.
 * An engine named with {@code /session} (as in {@code jsse/session}) runs with
 * GSK4J_BLOCKING_MODE_SWITCH per session: the blocking channel is switched non-blocking once per
 * session instead of around every call.
 */
final class GskContender implements Contender {
    /** The suffix of an engine name that asks for the per-session mode switch. */
    static final String PER_SESSION = "/session";

    private final BenchPki pki;
    private final String requested;
    private final String used;
    private final boolean modePerSession;

    GskContender(BenchPki pki, EngineChoice.Choice choice, boolean modePerSession) {
        this.pki = pki;
        this.requested = choice.requested();
        this.used = choice.used();
        this.modePerSession = modePerSession;
    }

    @Override
    public String stack() {
        return "gsk4j";
    }

    @Override
    public String engine() {
        return modePerSession ? used + PER_SESSION : used;
    }

    @Override
    public String unsupported(Scenario scenario) {
        if (scenario.kind() == Scenario.Kind.MEMORY && !TlsEngine.JSSE.equals(used)) {
            return "the in-memory rows use Environment#sslContext(), which stays on SunJSSE whatever the engine";
        }
        if (scenario.kind() == Scenario.Kind.MEMORY && modePerSession) {
            return "no socket in memory: the mode switch does not apply";
        }
        return null;
    }

    @Override
    public Sample run(Scenario sc, long nanos, Budget budget) throws Exception {
        Suite suite = sc.suite();
        Environment server = EngineChoice.with(requested,
                () -> suite.environment(EnumValue.GSK_SERVER_SESSION, pki.serverStore(suite.cert()), modePerSession));
        Environment client = EngineChoice.with(requested,
                () -> suite.environment(EnumValue.GSK_CLIENT_SESSION, pki.clientStore, modePerSession));
        if (sc.kind() == Scenario.Kind.MEMORY) {
            // the contexts are made while the engine is asked for too, in case gsk4j decides there
            SSLContext[] contexts = EngineChoice.with(requested, () -> new SSLContext[] {client.sslContext(), server.sslContext()});
            try {
                // the context's engines start from the environment's protocol and suite
                return MemoryHandshakes.run(contexts[0], contexts[1], e -> { }, sc.resumed(), nanos);
            } finally {
                server.close();
                client.close();
            }
        }
        try (GskEndpoints ep = new GskEndpoints(server, client)) {
            return LoopbackRounds.run(sc, ep, nanos, budget);
        }
    }
}
