package io.gsk4j.internal;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.TlsEngine;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Lets an engine other than SunJSSE narrow a session's parameters to what it implements
 * ({@code TlsEngineSource#limit}): gsk4j's lists are written in SunJSSE's names, and an engine
 * refuses a whole list for one name it lacks (BoringSSL has no CBC suites with SHA-384, for one).
 * A suite the engine lacks is dropped as one the peer lacks would be; none left is
 * GSK_ERROR_NO_CIPHERS.
 */
final class EngineLimits {
    private EngineLimits() {
    }

    static void narrow(EnvironmentSnapshot env, SSLParameters params, SSLEngine engine) throws GskException {
        if (TlsEngine.JSSE.equals(env.engine().name())) {
            return; // the lists are SunJSSE's own: nothing to drop
        }
        env.engines().limit(params, engine);
        if (params.getCipherSuites() == null || params.getCipherSuites().length == 0) {
            throw new GskException(GskStatus.GSK_ERROR_NO_CIPHERS, "none of the configured cipher specs is implemented by the "
                    + env.engine().name() + " engine (" + env.engine().implementation() + ")");
        }
    }
}
