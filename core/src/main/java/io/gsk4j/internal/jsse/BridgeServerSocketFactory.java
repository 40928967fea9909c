package io.gsk4j.internal.jsse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;

/**
 * The JDK's server socket factory for the bridge's context. Accepted sockets inherit the
 * listening socket's parameters (protocols, suites, client authentication, SNI matchers).
 */
final class BridgeServerSocketFactory extends SSLServerSocketFactory {
    private final SSLServerSocketFactory jdk;
    private final SSLParameters gskit;

    BridgeServerSocketFactory(SSLServerSocketFactory jdk, SSLParameters gskit) {
        this.jdk = jdk;
        this.gskit = gskit;
    }

    private ServerSocket configured(ServerSocket s) {
        ((SSLServerSocket) s).setSSLParameters(GskitParameters.copy(gskit));
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
    public ServerSocket createServerSocket() throws IOException {
        return configured(jdk.createServerSocket());
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return configured(jdk.createServerSocket(port));
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return configured(jdk.createServerSocket(port, backlog));
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress ifAddress) throws IOException {
        return configured(jdk.createServerSocket(port, backlog, ifAddress));
    }
}
