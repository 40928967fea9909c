package io.gsk4j.spi;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/** One environment's engines: they share its key and trust managers and its session cache. */
public interface TlsEngineSource {

    /**
     * A new engine for one handshake with {@code peerHost} at {@code port} (the pair a client's
     * session cache is keyed by), in client or server mode (some engines cannot change it later).
     * gsk4j sets the parameters itself.
     */
    SSLEngine createEngine(boolean client, String peerHost, int port);

    /**
     * Whether {@code engine}'s finished handshake resumed an earlier session (GSK_SID_FIRST).
     * The default compares the session's creation time with the handshake's start, which needs
     * a creation time in milliseconds; an engine that keeps seconds must ask its library.
     */
    default boolean resumed(SSLEngine engine, long handshakeStartedMillis) {
        return engine.getSession().getCreationTime() < handshakeStartedMillis;
    }

    /**
     * Narrows a session's parameters, written in SunJSSE's names, to what this engine implements:
     * suites and protocols it lacks are dropped (gsk4j then reports none left as
     * GSK_ERROR_NO_CIPHERS), settings it cannot take are removed. The default changes nothing.
     */
    default void limit(SSLParameters params, SSLEngine engine) {
    }

    /**
     * gsk_secure_soc_misc(GSK_RESET_SESSION): no later handshake may resume {@code engine}'s
     * session, nor any session its handshake left behind (TLS 1.3 tickets). The default
     * invalidates the session, which on SunJSSE takes its tickets out of the client's cache too.
     */
    default void forget(SSLEngine engine) {
        engine.getSession().invalidate();
    }

    /** What runs underneath, for reports: {@code "SunJSSE 17"}, {@code "BoringSSL (netty-tcnative 2.0.84.Final)"}. */
    String implementation();
}
