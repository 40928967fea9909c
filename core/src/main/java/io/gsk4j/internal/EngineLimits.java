package io.gsk4j.internal;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.TlsEngine;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Narrows a session's protocols and cipher suites to what an engine other than SunJSSE
 * implements: gsk4j's lists are written in SunJSSE's names, and an engine refuses the whole list
 * for one name it lacks (BoringSSL has no CBC suites with SHA-384, for one). A suite the engine
 * lacks is dropped as one the peer lacks would be; none left is GSK_ERROR_NO_CIPHERS.
 */
final class EngineLimits {
    private EngineLimits() {
    }

    static void narrow(EnvironmentSnapshot env, SSLParameters params, SSLEngine engine) throws GskException {
        if (TlsEngine.JSSE.equals(env.engine().name())) {
            return; // the lists are SunJSSE's own: nothing to drop
        }
        Set<String> suites = new HashSet<>(Arrays.asList(engine.getSupportedCipherSuites())); // may hold nulls
        String[] kept = Arrays.stream(params.getCipherSuites()).filter(suites::contains).toArray(String[]::new);
        if (kept.length == 0) {
            throw new GskException(GskStatus.GSK_ERROR_NO_CIPHERS, "none of the configured cipher specs is implemented by the "
                    + env.engine().name() + " engine (" + env.engine().implementation() + ")");
        }
        params.setCipherSuites(kept);
        Set<String> protocols = new HashSet<>(Arrays.asList(engine.getSupportedProtocols()));
        params.setProtocols(Arrays.stream(params.getProtocols()).filter(protocols::contains).toArray(String[]::new));
        // GSK_SSL_EXTN_SIGALG limits the handshake's signature schemes through the JDK's algorithm
        // constraints, which netty's engine refuses; the peer's certificates are still held to the
        // list by gsk4j's trust manager (docs/CONFORMANCE.md, "Engines")
        params.setAlgorithmConstraints(null);
    }
}
