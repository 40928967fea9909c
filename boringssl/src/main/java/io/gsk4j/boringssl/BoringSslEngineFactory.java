package io.gsk4j.boringssl;

import io.gsk4j.TlsEngine;
import io.gsk4j.spi.TlsEngineFactory;
import io.gsk4j.spi.TlsEngineSettings;
import io.gsk4j.spi.TlsEngineSource;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.internal.tcnative.SSL;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/**
 * BoringSSL, statically linked into netty-tcnative, as gsk4j's engine: {@code GSK4J_TLS_ENGINE}
 * = {@code GSK4J_TLS_ENGINE_BORINGSSL}, or {@code -Dgsk4j.engine=boringssl}.
 *
 * <p>Every key choice and chain judgement stays gsk4j's: both contexts get gsk4j's key and trust
 * managers, and netty hands them the very engine this factory returned, by which gsk4j finds
 * the session. Engines are netty's finalizer-released kind ({@link SslProvider#OPENSSL}), so a
 * session that is dropped without a close frees its native state with the engine.
 */
public final class BoringSslEngineFactory implements TlsEngineFactory {
    /** BoringSSL's TLS 1.3 suites, in its order: it takes no list for them. */
    private static final List<String> TLS13_SUITES =
            List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

    @Override
    public String name() {
        return TlsEngine.BORINGSSL;
    }

    @Override
    public TlsEngineSource open(TlsEngineSettings settings) throws SSLException {
        if (!OpenSsl.isAvailable()) {
            Throwable cause = OpenSsl.unavailabilityCause();
            throw new SSLException("netty-tcnative's native library did not load on "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch"), cause);
        }
        if (!OpenSsl.versionString().startsWith("BoringSSL")) {
            throw new SSLException("netty-tcnative loaded " + OpenSsl.versionString() + ", not BoringSSL");
        }
        SslContext client = configure(SslContextBuilder.forClient().keyManager(settings.keyManager()), settings).build();
        // a server's client authentication is set per engine (GSK_SESSION_TYPE), not here
        SslContext server = configure(SslContextBuilder.forServer(settings.keyManager()), settings)
                .clientAuth(ClientAuth.NONE).build();
        // netty turns session tickets off; SunJSSE uses them (TLS 1.3 resumes only with them): no
        // keys of our own, so BoringSSL makes and rotates its own
        ((OpenSslSessionContext) client.sessionContext()).setTicketKeys();
        ((OpenSslSessionContext) server.sessionContext()).setTicketKeys();
        return new Source(client, server, OpenSsl.versionString() + " (netty-tcnative " + tcnativeVersion() + ")");
    }

    private static SslContextBuilder configure(SslContextBuilder builder, TlsEngineSettings settings) {
        return builder.sslProvider(SslProvider.OPENSSL)
                .trustManager(new RefusalAlerts(settings.trustManager()))
                // the widest range: each engine is narrowed to the session's protocols and suites
                .protocols("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1")
                .sessionTimeout(settings.sessionTimeoutSeconds());
    }

    private static String tcnativeVersion() {
        Package p = SSL.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        if (v == null && SSL.class.getModule().getDescriptor() != null) { // on the module path
            v = SSL.class.getModule().getDescriptor().rawVersion().orElse(null);
        }
        if (v == null) { // shaded into one jar (the gsk4j command): the manifest is not netty's
            v = pomVersion();
        }
        return v == null ? "unknown version" : v;
    }

    private static String pomVersion() {
        try (InputStream in = SSL.class.getResourceAsStream("/META-INF/maven/io.netty/netty-tcnative-classes/pom.properties")) {
            if (in == null) {
                return null;
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }

    /** One environment's two contexts: netty's contexts are either a client's or a server's. */
    private static final class Source implements TlsEngineSource {
        private final SslContext client;
        private final SslContext server;
        private final String implementation;
        private final TicketKeys ticketKeys;
        /** Read-only once made; a race only makes it twice. */
        private volatile Set<String> implementedSuites;
        private volatile Set<String> implementedProtocols;

        Source(SslContext client, SslContext server, String implementation) {
            this.client = client;
            this.server = server;
            this.implementation = implementation;
            OpenSslSessionContext serverSessions = (OpenSslSessionContext) server.sessionContext();
            this.ticketKeys = new TicketKeys(serverSessions::setTicketKeys, System::nanoTime, TicketKeys.ROTATION);
        }

        @Override
        public SSLEngine createEngine(boolean clientMode, String peerHost, int port) {
            if (!clientMode) {
                ticketKeys.rotateIfDue();
            }
            return (clientMode ? client : server).newEngine(ByteBufAllocator.DEFAULT, peerHost, port);
        }

        /**
         * Suites and protocols BoringSSL lacks are dropped. Its TLS 1.3 suites are fixed (three, in its
         * order): any TLS 1.3 suite configured stands for them all, written as BoringSSL uses them so
         * that netty does not log each session's difference. No algorithm constraints: netty's engine
         * refuses them (GSK_SSL_EXTN_SIGALG still holds the peer's certificates through gsk4j's trust
         * manager).
         */
        @Override
        public void limit(SSLParameters params, SSLEngine engine) {
            Set<String> implemented = implementedSuites(engine);
            List<String> kept = new ArrayList<>();
            boolean tls13 = false;
            for (String suite : params.getCipherSuites()) {
                if (TLS13_SUITES.contains(suite)) {
                    tls13 = true;
                } else if (implemented.contains(suite)) {
                    kept.add(suite);
                }
            }
            if (tls13) {
                kept.addAll(0, TLS13_SUITES);
            }
            params.setCipherSuites(kept.toArray(new String[0]));
            Set<String> protocols = implementedProtocols(engine);
            params.setProtocols(Arrays.stream(params.getProtocols()).filter(protocols::contains).toArray(String[]::new));
            params.setAlgorithmConstraints(null);
        }

        /** The library's suites, the same for every engine it makes: learned from the first (a set per handshake was a tenth of its Java time). */
        private Set<String> implementedSuites(SSLEngine engine) {
            Set<String> s = implementedSuites;
            if (s == null) {
                s = new HashSet<>(Arrays.asList(engine.getSupportedCipherSuites())); // may hold nulls
                implementedSuites = s;
            }
            return s;
        }

        private Set<String> implementedProtocols(SSLEngine engine) {
            Set<String> p = implementedProtocols;
            if (p == null) {
                p = new HashSet<>(Arrays.asList(engine.getSupportedProtocols()));
                implementedProtocols = p;
            }
            return p;
        }

        /**
         * A client forgets every session it cached for the engine's peer: BoringSSL caches each TLS 1.3
         * ticket as a session of its own, and invalidating the handshake's session leaves them usable.
         * A server cannot revoke a stateless ticket it issued: it forgets the session and replaces its
         * ticket keys ({@link TicketKeys}), so no ticket issued before the reset, this client's or another's, resumes.
         */
        @Override
        public void forget(SSLEngine engine) {
            engine.getSession().invalidate();
            if (engine.getUseClientMode()) {
                forgetPeer(engine.getPeerHost(), engine.getPeerPort());
            } else {
                ticketKeys.forgetAll();
            }
        }

        private void forgetPeer(String host, int port) {
            SSLSessionContext cache = client.sessionContext();
            for (byte[] id : Collections.list(cache.getIds())) {
                SSLSession cached = cache.getSession(id);
                if (cached != null && cached.getPeerPort() == port && host != null && host.equalsIgnoreCase(cached.getPeerHost())) {
                    cached.invalidate();
                }
            }
        }

        /** OpenSSL keeps a session's creation time in seconds: ask it whether it reused one. */
        @Override
        public boolean resumed(SSLEngine engine, long handshakeStartedMillis) {
            return SSL.isSessionReused(((ReferenceCountedOpenSslEngine) engine).sslPointer());
        }

        @Override
        public String implementation() {
            return implementation;
        }
    }
}
