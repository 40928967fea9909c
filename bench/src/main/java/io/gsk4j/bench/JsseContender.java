package io.gsk4j.bench;

import java.util.EnumMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/** Plain JSSE, no gsk4j: SSLSocket on loopback, SSLEngine in memory, pinned to the same protocol and suite. */
final class JsseContender implements Contender {
    private final Map<CertKind, SSLContext> servers = new EnumMap<>(CertKind.class);
    private final SSLContext client;

    JsseContender(BenchPki pki) throws Exception {
        for (CertKind k : CertKind.values()) {
            servers.put(k, JsseEndpoints.context(pki.serverStore(k), true));
        }
        client = JsseEndpoints.context(pki.clientStore, false);
    }

    @Override
    public String stack() {
        return "jsse";
    }

    @Override
    public String unsupported(Scenario scenario) {
        return null;
    }

    @Override
    public Sample run(Scenario sc, long nanos, Budget budget) throws Exception {
        Suite suite = sc.suite();
        SSLContext server = servers.get(suite.cert());
        if (sc.kind() == Scenario.Kind.MEMORY) {
            return MemoryHandshakes.run(client, server, e -> pin(e, suite), sc.resumed(), nanos);
        }
        try (JsseEndpoints ep = new JsseEndpoints(suite, server, client)) {
            return LoopbackRounds.run(sc, ep, nanos, budget);
        }
    }

    private static void pin(SSLEngine e, Suite suite) {
        e.setEnabledProtocols(new String[] {suite.jdkProtocol()});
        e.setEnabledCipherSuites(new String[] {suite.cipher()});
    }
}
