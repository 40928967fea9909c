package io.gsk4j.interop;

import io.gsk4j.CipherSpec;
import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.Session;
import io.gsk4j.TlsProtocol;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.MiscId;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki.Credential;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** gsk4j's end of an interop connection: environments, sessions and bounded data transfer. */
final class GskSide {
    /** GSK_HANDSHAKE_TIMEOUT, seconds: far above what a loopback handshake takes. */
    static final int HANDSHAKE_SECONDS = 20;
    /** GSK_IBMI_READ_TIMEOUT, milliseconds: no read waits forever on a peer. */
    static final int READ_MILLIS = 20_000;
    static final Duration CONNECT_WAIT = Duration.ofSeconds(15);

    private GskSide() {
    }

    /** What gsk4j is told before init: protocol, cipher suite, SNI. Nulls leave GSKit's defaults. */
    record Options(TlsProtocol only, CipherSpec suite, String serverName) {
        static Options of(TlsProtocol only) {
            return new Options(only, null, null);
        }

        Options withSuite(CipherSpec s) {
            return new Options(only, s, serverName);
        }

        Options withServerName(String name) {
            return new Options(only, suite, name);
        }
    }

    static Environment client(Path dir, String name, Credential key, X509Certificate trusted, Options o) throws GskException {
        Path store = Stores.pkcs12(dir, name, key, trusted);
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, store);
        apply(env, o);
        if (o.serverName() != null) {
            env.set(BufferAttribute.GSK_SSL_EXTN_SERVERNAME_REQUEST, o.serverName());
        }
        env.init();
        return env;
    }

    static Environment server(Path dir, String name, Credential key, X509Certificate trusted, boolean clientAuth, Options o)
            throws GskException {
        Path store = Stores.pkcs12(dir, name, key, trusted);
        EnumValue type = clientAuth ? EnumValue.GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL : EnumValue.GSK_SERVER_SESSION;
        Environment env = Stores.environment(dir, type, store);
        apply(env, o);
        env.init();
        return env;
    }

    private static void apply(Environment env, Options o) throws GskException {
        if (o.only() == TlsProtocol.TLSV12) {
            env.set(EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE);
        } else if (o.only() == TlsProtocol.TLSV13) {
            env.set(EnumAttribute.GSK_PROTOCOL_TLSV12, EnumValue.GSK_FALSE);
        }
        if (o.suite() != null) {
            BufferAttribute list = o.suite().protocols().contains(TlsProtocol.TLSV13)
                    ? BufferAttribute.GSK_TLSV13_CIPHER_SPECS_EX : BufferAttribute.GSK_TLSV12_CIPHER_SPECS_EX;
            env.set(list, o.suite().gskName());
        }
    }

    /** A session on {@code channel} with bounded handshake and read waits. */
    static Session open(Environment env, SocketChannel channel) throws GskException {
        Session s = env.openSession();
        s.attach(channel);
        s.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, HANDSHAKE_SECONDS);
        s.set(NumericAttribute.GSK_IBMI_READ_TIMEOUT, READ_MILLIS);
        return s;
    }

    /**
     * Connects to a peer server: retries refused connections (bounded) and gives up at once
     * if the peer process died.
     */
    static SocketChannel connect(int port, PeerProcess server) throws IOException, InterruptedException {
        long end = System.nanoTime() + CONNECT_WAIT.toNanos();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        while (true) {
            try {
                return SocketChannel.open(address);
            } catch (ConnectException refused) {
                if (!server.isAlive()) {
                    throw new PeerNotListening(server);
                }
                if (System.nanoTime() > end) {
                    throw new AssertionError("no listener on port " + port + " after " + CONNECT_WAIT + ": " + server.describe());
                }
                Thread.sleep(20);
            }
        }
    }

    /** Accepts the connection of a peer client (bounded; fails at once if the client exited first). */
    static SocketChannel accept(ServerSocketChannel listener, PeerProcess client) throws IOException, InterruptedException {
        listener.configureBlocking(false);
        long end = System.nanoTime() + CONNECT_WAIT.toNanos();
        while (true) {
            SocketChannel ch = listener.accept();
            if (ch != null) {
                ch.configureBlocking(true);
                return ch;
            }
            if (!client.isAlive()) {
                throw new AssertionError("the peer client exited without connecting: " + client.describe());
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("the peer client did not connect within " + CONNECT_WAIT + ": " + client.describe());
            }
            Thread.sleep(5);
        }
    }

    /** The peer server exited before it accepted anything (usually: it could not bind the port). */
    static final class PeerNotListening extends IOException {
        final PeerProcess peer;

        PeerNotListening(PeerProcess peer) {
            super("peer exited before listening: " + peer.describe());
            this.peer = peer;
        }
    }

    // ---- data ----

    /** Random bytes, the same for the same seed. */
    static byte[] binary(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Lines of 63 base64 characters and a newline, for line-oriented peers (gnutls-serv --echo). */
    static byte[] textLines(int length, long seed) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        Random r = new Random(seed);
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i % 64 == 63 ? '\n' : alphabet.charAt(r.nextInt(64)));
        }
        b[length - 1] = '\n';
        return b;
    }

    /**
     * Writes {@code out} on a second thread while this one reads {@code inLength} bytes, so
     * neither side of a peer that echoes or streams can stall the other. Returns what was read.
     */
    static byte[] exchange(Session s, byte[] out, int inLength) throws Exception {
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                writeAll(s, out);
            } catch (GskException e) {
                throw new RuntimeException(e);
            }
        }, runnable -> {
            Thread t = new Thread(runnable, "gsk4j-writer");
            t.setDaemon(true);
            t.start();
        });
        byte[] in = readFully(s, inLength);
        try {
            writer.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof RuntimeException && e.getCause().getCause() != null
                    ? e.getCause().getCause() : e.getCause();
            if (cause instanceof Exception x) {
                throw x;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("gsk4j's write of " + out.length + " bytes did not finish within 60 s");
        }
        return in;
    }

    static void writeAll(Session s, byte[] data) throws GskException {
        ByteBuffer b = ByteBuffer.wrap(data);
        while (b.hasRemaining()) {
            s.write(b);
        }
    }

    static void writeLine(Session s, String line) throws GskException {
        writeAll(s, (line + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads until {@code length} bytes arrived or the stream ended; returns what arrived. */
    static byte[] readFully(Session s, int length) throws GskException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (s.read(b) < 0) {
                break;
            }
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    /**
     * Our close_notify, then reads to the peer's: the orderly close in both directions.
     * Returns the bytes that still arrived before the peer's close_notify.
     */
    static byte[] closeBothWays(Session s) throws GskException {
        s.misc(MiscId.GSK_CLOSE_NOTIFY);
        return drainToEnd(s);
    }

    /** Reads until the peer's close_notify (-1) and returns what came before it. */
    static byte[] drainToEnd(Session s) throws GskException {
        java.io.ByteArrayOutputStream rest = new java.io.ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.allocate(16384);
        while (true) {
            b.clear();
            int n = s.read(b);
            if (n < 0) {
                return rest.toByteArray();
            }
            rest.write(b.array(), 0, n);
        }
    }

    /** The first status a failing handshake (or, in TLS 1.3, the first read after it) reports. */
    static GskException failure(Session s) {
        try {
            s.handshake();
            // TLS 1.3: a client's handshake ends before the server judged its certificate
            ByteBuffer one = ByteBuffer.allocate(1);
            int n = s.read(one);
            throw new AssertionError("the handshake succeeded and a read returned " + n + " (" + s.cipherSpec() + ")");
        } catch (GskException e) {
            return e;
        }
    }
}
