package io.gsk4j;

import java.util.Objects;
import java.util.Optional;

/**
 * The TLS engine an initialised environment runs its sessions on, and why, when it is not the
 * one asked for ({@code GSK4J_TLS_ENGINE}, else the system property {@code gsk4j.engine}).
 *
 * @param name the engine in use: {@code "jsse"} or {@code "boringssl"}
 * @param implementation what runs underneath, e.g. {@code "SunJSSE 17.0.12"}
 * @param requested the engine asked for (the same as {@code name} unless it fell back)
 * @param fallbackReason why the environment runs on SunJSSE instead of the engine asked for;
 *     empty when it runs on the one asked for
 */
public record TlsEngine(String name, String implementation, String requested, Optional<String> fallbackReason) {
    /** The name of the JDK's own engine, the default. */
    public static final String JSSE = "jsse";
    /** The name of BoringSSL through netty-tcnative (module {@code gsk4j-boringssl}). */
    public static final String BORINGSSL = "boringssl";

    public TlsEngine {
        Objects.requireNonNull(name);
        Objects.requireNonNull(implementation);
        Objects.requireNonNull(requested);
        Objects.requireNonNull(fallbackReason);
    }

    /** Whether the environment runs on another engine than the one asked for. */
    public boolean fellBack() {
        return fallbackReason.isPresent();
    }
}
