package io.gsk4j.internal.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

/** The JSSE bridge's bindings: made once per endpoint on first use, gone with the endpoint. */
class EngineBindingsTest {
    private static SessionBinding binding() {
        return new SessionBinding("bridge-alias", null, List.of(), null, SessionBinding.PeerAuth.FULL, null, null, null, null);
    }

    @Test
    void aSessionsBindingsMakeNothingForAnUnboundEngine() throws Exception {
        EngineBindings sessions = new EngineBindings();
        assertNull(sessions.of(SSLContext.getDefault().createSSLEngine()));
    }

    @Test
    void theBinderRunsOncePerEndpoint() throws Exception {
        AtomicInteger made = new AtomicInteger();
        EngineBindings bridge = new EngineBindings(e -> {
            made.incrementAndGet();
            return binding();
        });
        SSLEngine engine = SSLContext.getDefault().createSSLEngine();
        SessionBinding first = bridge.of(engine);
        assertSame(first, bridge.of(engine));
        assertSame(first, bridge.of("bridge-alias"));
        assertEquals(1, made.get());
    }

    @Test
    void bindingsGoWithTheirEndpoints() throws Exception {
        EngineBindings bridge = new EngineBindings(e -> binding());
        List<SSLEngine> engines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            engines.add(SSLContext.getDefault().createSSLEngine());
            bridge.of(engines.get(i));
        }
        assertEquals(200, bridge.madeOnUseCount());
        engines.clear(); // the program is done with them and never tells gsk4j
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (bridge.madeOnUseCount() > 0 && System.nanoTime() < deadline) {
            System.gc(); // polled with a deadline: collection is what is being waited for
            Thread.onSpinWait();
        }
        assertTrue(bridge.madeOnUseCount() < 200, "unreachable endpoints keep no binding: " + bridge.madeOnUseCount() + " left");
    }
}
