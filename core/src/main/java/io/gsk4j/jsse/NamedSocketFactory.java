package io.gsk4j.jsse;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSocketFactory;

/**
 * An environment's socket factory for programs that take a factory by class name, such as
 * JDBC drivers ({@code sslfactory=io.gsk4j.jsse.NamedSocketFactory}, with
 * {@code sslfactoryarg=NAME} where the driver passes a constructor argument). The program
 * registers its initialised environment under a name first; the no-argument constructor
 * uses the name {@value #DEFAULT_NAME}.
 */
public class NamedSocketFactory extends SSLSocketFactory {
    /** The name the no-argument constructor looks up. */
    public static final String DEFAULT_NAME = "default";

    private static final Map<String, SSLSocketFactory> REGISTERED = new ConcurrentHashMap<>();

    private final SSLSocketFactory delegate;

    /** The factory registered as {@value #DEFAULT_NAME}. */
    public NamedSocketFactory() {
        this(DEFAULT_NAME);
    }

    /**
     * The factory registered under {@code name}.
     *
     * @throws IllegalStateException when no environment is registered under the name
     */
    public NamedSocketFactory(String name) {
        SSLSocketFactory f = REGISTERED.get(name == null || name.isBlank() ? DEFAULT_NAME : name);
        if (f == null) {
            throw new IllegalStateException("no gsk4j environment is registered as \"" + name
                    + "\": call NamedSocketFactory.register first");
        }
        this.delegate = f;
    }

    /**
     * Registers {@code env}'s context under {@code name}; a later registration replaces it.
     *
     * @throws GskException when the environment is not initialised
     */
    public static void register(String name, Environment env) throws GskException {
        REGISTERED.put(Objects.requireNonNull(name, "name"), env.sslContext().getSocketFactory());
    }

    /** Forgets a name (factories already made keep working). */
    public static void unregister(String name) {
        REGISTERED.remove(name);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return delegate.createSocket();
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return delegate.createSocket(s, host, port, autoClose);
    }

    @Override
    public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
        return delegate.createSocket(s, consumed, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }
}
