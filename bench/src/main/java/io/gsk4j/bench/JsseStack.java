package io.gsk4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Plain JSSE on both ends (SSLSocket, SSLServerSocket) on the same PKCS#12 files as gsk4j:
 * the server context holds the server's key, the client context trusts the same CA.
 */
final class JsseStack implements LoopbackStack {
    private final Suite suite;
    private final SSLContext serverContext;
    private final SSLContext clientContext;

    JsseStack(BenchPki pki, Suite suite) throws Exception {
        this.suite = suite;
        serverContext = context(pki.serverStore, true);
        clientContext = context(pki.clientStore, false);
    }

    private static SSLContext context(Path store, boolean withKey) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(store)) {
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
    public String name() {
        return "JSSE";
    }

    @Override
    public double handshakes(long nanos, Counts counts) throws Exception {
        try (SSLServerSocket listener = listen()) {
            Thread server = new Thread(() -> serveHandshakes(listener, counts), "jsse-hs-server");
            server.start();
            int port = listener.getLocalPort();
            int done = 0;
            long start = System.nanoTime();
            long end = start + nanos;
            while (System.nanoTime() < end) {
                long began = System.currentTimeMillis();
                try (SSLSocket s = connect(port)) {
                    s.startHandshake();
                    SSLSession session = s.getSession();
                    // the same test gsk4j uses for GSK_SID_FIRST: a resumed session is older than the handshake
                    if (session.getCreationTime() < began) {
                        counts.resumed.incrementAndGet();
                    }
                    session.invalidate(); // the counterpart of GSK_RESET_SESSION
                    done++;
                } catch (IOException e) {
                    counts.fail(counts.clientFailures, e);
                }
            }
            double rate = done / ((System.nanoTime() - start) / 1e9);
            listener.close();
            server.join(10_000);
            return rate;
        }
    }

    private static void serveHandshakes(SSLServerSocket listener, Counts counts) {
        while (!listener.isClosed()) {
            SSLSocket s;
            try {
                s = (SSLSocket) listener.accept();
                s.setTcpNoDelay(true);
            } catch (IOException e) {
                return; // the listener was closed: the round is over
            }
            try (s) {
                s.startHandshake();
                s.getSession().invalidate();
            } catch (IOException e) {
                counts.fail(counts.serverFailures, e);
            }
        }
    }

    @Override
    public double bulk(long bytes, int chunk) throws Exception {
        AtomicLong receivedAt = new AtomicLong();
        Throwable[] serverError = new Throwable[1];
        try (SSLServerSocket listener = listen()) {
            Thread receiver = new Thread(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.setTcpNoDelay(true);
                    s.startHandshake();
                    InputStream in = s.getInputStream();
                    byte[] buf = new byte[chunk];
                    long got = 0;
                    while (got < bytes) {
                        int n = in.read(buf, 0, chunk);
                        if (n < 0) {
                            throw new IOException("stream ended after " + got + " bytes");
                        }
                        got += n;
                    }
                    receivedAt.set(System.nanoTime());
                } catch (Exception e) {
                    serverError[0] = e;
                }
            }, "jsse-bulk-receiver");
            receiver.start();
            long start;
            try (SSLSocket s = connect(listener.getLocalPort())) {
                s.startHandshake();
                OutputStream out = s.getOutputStream();
                byte[] buf = new byte[chunk];
                start = System.nanoTime();
                for (long sent = 0; sent < bytes; sent += chunk) {
                    out.write(buf, 0, chunk);
                }
                out.flush();
                receiver.join(); // the time ends when the last byte is read, not when it is queued
            }
            if (serverError[0] != null) {
                throw new IllegalStateException("JSSE bulk receiver failed", serverError[0]);
            }
            return bytes / ((receivedAt.get() - start) / 1e3);
        }
    }

    private SSLServerSocket listen() throws IOException {
        SSLServerSocket l = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 64, InetAddress.getLoopbackAddress());
        l.setEnabledProtocols(new String[] {suite.jdkProtocol()});
        l.setEnabledCipherSuites(new String[] {suite.cipher()});
        return l;
    }

    private SSLSocket connect(int port) throws IOException {
        SSLSocket s = (SSLSocket) clientContext.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        try {
            s.setTcpNoDelay(true);
        } catch (SocketException e) {
            s.close();
            throw e;
        }
        s.setEnabledProtocols(new String[] {suite.jdkProtocol()});
        s.setEnabledCipherSuites(new String[] {suite.cipher()});
        return s;
    }

    @Override
    public void close() {
        // contexts hold nothing that needs closing
    }
}
