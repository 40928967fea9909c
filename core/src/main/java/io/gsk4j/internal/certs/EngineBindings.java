package io.gsk4j.internal.certs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLEngine;

/**
 * Finds a session's binding from the engine the JDK hands to the key and trust managers,
 * and from the alias the key manager chose (the JDK asks for the chain by alias alone).
 * Entries live from a session's handshake start to its close.
 */
public final class EngineBindings {
    private static final AtomicLong NEXT = new AtomicLong();

    private final Map<SSLEngine, SessionBinding> byEngine = new ConcurrentHashMap<>();
    private final Map<String, SessionBinding> byAlias = new ConcurrentHashMap<>();

    public static String newAlias() {
        return "gsk4j-session-" + NEXT.incrementAndGet();
    }

    public void bind(SSLEngine engine, SessionBinding binding) {
        byEngine.put(engine, binding);
        byAlias.put(binding.alias(), binding);
    }

    public void unbind(SSLEngine engine) {
        SessionBinding b = byEngine.remove(engine);
        if (b != null) {
            byAlias.remove(b.alias());
        }
    }

    SessionBinding of(SSLEngine engine) {
        return engine == null ? null : byEngine.get(engine);
    }

    SessionBinding of(String alias) {
        return alias == null ? null : byAlias.get(alias);
    }

    /** For tests and leak checks. */
    public int size() {
        return byEngine.size();
    }
}
