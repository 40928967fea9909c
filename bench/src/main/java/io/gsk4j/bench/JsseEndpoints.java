package io.gsk4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Plain JSSE on both ends (SSLSocket, SSLServerSocket), no gsk4j, on the same PKCS#12 files:
 * the server context holds the server's key, the client context trusts the same roots.
 */
final class JsseEndpoints implements Endpoints {
    private final Suite suite;
    private final SSLContext server;
    private final SSLContext client;

    JsseEndpoints(Suite suite, SSLContext server, SSLContext client) {
        this.suite = suite;
        this.server = server;
        this.client = client;
    }

    /** A JDK context from a PKCS#12 file: its key (when {@code withKey}) and its trusted certificates. */
    static SSLContext context(Path store, boolean withKey) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, BenchPki.PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, BenchPki.PASSWORD.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(withKey ? kmf.getKeyManagers() : null, tmf.getTrustManagers(), null);
        return ctx;
    }

    @Override
    public Listener listen() throws IOException {
        SSLServerSocket l = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 1024,
                InetAddress.getLoopbackAddress());
        l.setEnabledProtocols(new String[] {suite.jdkProtocol()});
        l.setEnabledCipherSuites(new String[] {suite.cipher()});
        InetSocketAddress address = (InetSocketAddress) l.getLocalSocketAddress();
        return new Listener() {
            @Override
            public Conn accept() {
                try {
                    SSLSocket s = (SSLSocket) l.accept();
                    s.setTcpNoDelay(true);
                    return new JsseConn(s, 0);
                } catch (IOException e) {
                    return null; // the listener was closed: the round is over
                }
            }

            @Override
            public InetSocketAddress address() {
                return address;
            }

            @Override
            public void close() {
                try {
                    l.close();
                } catch (IOException ignored) {
                    // nothing to report in a measurement
                }
            }
        };
    }

    @Override
    public Conn connect(Listener listener) throws IOException {
        InetSocketAddress a = listener.address();
        long began = System.currentTimeMillis();
        SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket(a.getAddress(), a.getPort());
        s.setTcpNoDelay(true);
        s.setEnabledProtocols(new String[] {suite.jdkProtocol()});
        s.setEnabledCipherSuites(new String[] {suite.cipher()});
        return new JsseConn(s, began);
    }

    @Override
    public void close() {
        // contexts hold nothing that needs closing
    }

    private static final class JsseConn implements Conn {
        private final SSLSocket socket;
        private final long began;
        private InputStream in;
        private OutputStream out;

        JsseConn(SSLSocket socket, long began) {
            this.socket = socket;
            this.began = began;
        }

        @Override
        public void handshake() throws IOException {
            socket.startHandshake();
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        /** A resumed session was created before this connection began (millisecond clock). */
        @Override
        public boolean resumed() {
            return socket.getSession().getCreationTime() < began;
        }

        @Override
        public void forget() {
            SSLSession s = socket.getSession();
            s.invalidate(); // the counterpart of GSK_RESET_SESSION
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to report in a measurement
            }
        }
    }
}
