package io.gsk4j.internal.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** The JDK's socket factory for the bridge's context, each socket starting with GSKit's parameters. */
final class BridgeSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory jdk;
    private final SSLParameters gskit;

    BridgeSocketFactory(SSLSocketFactory jdk, SSLParameters gskit) {
        this.jdk = jdk;
        this.gskit = gskit;
    }

    private Socket configured(Socket s) {
        ((SSLSocket) s).setSSLParameters(GskitParameters.copy(gskit));
        return s;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return gskit.getCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return jdk.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return configured(jdk.createSocket());
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return configured(jdk.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
        return configured(jdk.createSocket(s, consumed, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return configured(jdk.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return configured(jdk.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return configured(jdk.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return configured(jdk.createSocket(address, port, localAddress, localPort));
    }
}
