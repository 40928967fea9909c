package io.gsk4j.internal;

import io.gsk4j.TlsEngine;
import io.gsk4j.spi.TlsEngineFactory;
import io.gsk4j.spi.TlsEngineSettings;
import io.gsk4j.spi.TlsEngineSource;
import java.security.GeneralSecurityException;
import java.security.Provider;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;

/** The JDK's own engine (SunJSSE): the default, and where every other engine falls back to. */
public final class JsseEngineFactory implements TlsEngineFactory {

    @Override
    public String name() {
        return TlsEngine.JSSE;
    }

    @Override
    public TlsEngineSource open(TlsEngineSettings settings) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[] {settings.keyManager()}, new TrustManager[] {settings.trustManager()}, null);
        context.getClientSessionContext().setSessionTimeout(settings.sessionTimeoutSeconds());
        context.getServerSessionContext().setSessionTimeout(settings.sessionTimeoutSeconds());
        Provider provider = context.getProvider();
        String implementation = provider.getName() + " " + provider.getVersionStr();
        return new TlsEngineSource() {
            @Override
            public SSLEngine createEngine(boolean client, String peerHost, int port) {
                SSLEngine engine = context.createSSLEngine(peerHost, port);
                engine.setUseClientMode(client);
                return engine;
            }

            @Override
            public String implementation() {
                return implementation;
            }
        };
    }
}
