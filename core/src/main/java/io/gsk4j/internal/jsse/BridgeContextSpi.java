package io.gsk4j.internal.jsse;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The JDK's context with gsk4j's managers, each engine and socket it makes starting with
 * GSKit's parameters. A program may still change an endpoint's parameters (HttpClient adds
 * ALPN, SNI and the HTTPS host check); the environment's settings are the defaults it starts from.
 */
final class BridgeContextSpi extends SSLContextSpi {
    private final SSLContext jdk;
    private final SSLParameters gskit;

    BridgeContextSpi(SSLContext jdk, SSLParameters gskit) {
        this.jdk = jdk;
        this.gskit = gskit;
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
        throw new KeyManagementException("a gsk4j context is initialised by its environment (Environment.init)");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
        return new BridgeSocketFactory(jdk.getSocketFactory(), gskit);
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
        return new BridgeServerSocketFactory(jdk.getServerSocketFactory(), gskit);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
        return configured(jdk.createSSLEngine());
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
        return configured(jdk.createSSLEngine(host, port));
    }

    private SSLEngine configured(SSLEngine engine) {
        engine.setSSLParameters(GskitParameters.copy(gskit));
        return engine;
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
        return jdk.getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
        return jdk.getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
        return GskitParameters.copy(gskit);
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
        return jdk.getSupportedSSLParameters();
    }
}
