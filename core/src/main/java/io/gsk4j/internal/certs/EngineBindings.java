package io.gsk4j.internal.certs;

import java.net.Socket;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.net.ssl.SSLEngine;

/**
 * Finds a session's binding from the engine the JDK hands to the key and trust managers,
 * and from the alias the key manager chose (the JDK asks for the chain by alias alone).
 * Entries live from a session's handshake start to its close.
 *
 * <p>The JSSE bridge hands engines and sockets to programs that never tell gsk4j when they
 * are done: there a binder makes each endpoint's binding on first use, held only as long as
 * the endpoint itself is reachable (weak keys), so nothing has to be unbound.
 */
public final class EngineBindings {
    private static final AtomicLong NEXT = new AtomicLong();

    private final Map<SSLEngine, SessionBinding> byEngine = new ConcurrentHashMap<>();
    private final Map<String, SessionBinding> byAlias = new ConcurrentHashMap<>();
    private final Function<Object, SessionBinding> binder;
    private final Map<Object, SessionBinding> madeOnUse = Collections.synchronizedMap(new WeakHashMap<>());

    /** For sessions: every engine is bound before its handshake starts. */
    public EngineBindings() {
        this(null);
    }

    /**
     * For the JSSE bridge: {@code binder} makes the binding of an engine or socket nobody bound.
     * Every binding it makes must share one alias and key (the alias names the key, not the handshake).
     */
    public EngineBindings(Function<Object, SessionBinding> binder) {
        this.binder = binder;
    }

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
        if (engine == null) {
            return null;
        }
        SessionBinding b = byEngine.get(engine);
        return b != null ? b : madeOnUse(engine);
    }

    /** A socket's binding: only the JSSE bridge's sockets have one. */
    SessionBinding of(Socket socket) {
        return socket == null ? null : madeOnUse(socket);
    }

    private SessionBinding madeOnUse(Object endpoint) {
        if (binder == null) {
            return null;
        }
        SessionBinding known = madeOnUse.get(endpoint);
        if (known != null) {
            return known;
        }
        // made outside the map's lock: the binder asks the endpoint for its parameters, which takes the endpoint's lock
        SessionBinding made = binder.apply(endpoint);
        byAlias.put(made.alias(), made); // same key and chain for every binding the binder makes
        known = madeOnUse.putIfAbsent(endpoint, made);
        return known != null ? known : made;
    }

    SessionBinding of(String alias) {
        return alias == null ? null : byAlias.get(alias);
    }

    /** For tests and leak checks. */
    public int size() {
        return byEngine.size();
    }

    /** Bindings the binder made whose endpoint is still reachable (for leak checks). */
    int madeOnUseCount() {
        return madeOnUse.size();
    }
}
