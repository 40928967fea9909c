package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.MiscId;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.support.Engines;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gsk4j on both ends of a real loopback connection: the life of a session. */
class SessionLifecycleTest {
    @TempDir
    Path dir;

    private Ca ca;
    private Path serverStore;
    private Path clientStore;

    @BeforeEach
    void stores() {
        ca = TestPki.rootCa("Lifecycle CA", KeyType.EC_P256);
        Credential server = ca.issueServer("localhost", KeyType.EC_P256, "localhost");
        serverStore = Stores.pkcs12(dir, "server", server, ca.certificate());
        clientStore = Stores.pkcs12(dir, "client", null, ca.certificate());
    }

    /** A connected, handshaken pair: [0] client, [1] server. */
    private Session[] pair(Loopback link) throws Exception {
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
        Environment clientEnv = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        Session server = serverEnv.openSession();
        Session client = clientEnv.openSession();
        serverEnv.close();
        clientEnv.close();
        server.attach(link.server);
        client.attach(link.client);
        server.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 20);
        client.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 20);
        JdkPeer.Running<Void> serverSide = JdkPeer.start(() -> {
            try {
                server.handshake();
            } catch (GskException e) {
                throw new RuntimeException(e);
            }
            return null;
        });
        client.handshake();
        serverSide.result();
        return new Session[] {client, server};
    }

    @Test
    void sessionsOutliveTheirClosedEnvironments() throws Exception {
        try (Loopback link = Loopback.open()) {
            Session[] s = pair(link);
            assertEquals(SessionState.SECURE, s[0].state());
            assertEquals(SessionState.SECURE, s[1].state());
            s[0].close();
            s[1].close();
        }
    }

    @Test
    void aClosedEnvironmentOpensNoSessions() throws Exception {
        Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        env.close();
        GskException e = assertThrows(GskException.class, env::openSession);
        assertEquals(GskStatus.GSK_INVALID_HANDLE.code(), e.code());
    }

    @Test
    void oneMebibyteEachWayThenOrderlyCloseBothWays() throws Exception {
        Engines.assumeNotBoringSsl(Engines.HALF_CLOSE);
        byte[] payload = new byte[1 << 20];
        new Random(42).nextBytes(payload);
        try (Loopback link = Loopback.open()) {
            Session[] s = pair(link);
            Session client = s[0];
            Session server = s[1];
            JdkPeer.Running<byte[]> serverGot = JdkPeer.start(() -> readFully(server, payload.length));
            assertEquals(payload.length, client.write(ByteBuffer.wrap(payload)));
            assertArrayEquals(payload, serverGot.result());

            JdkPeer.Running<byte[]> clientGot = JdkPeer.start(() -> readFully(client, payload.length));
            assertEquals(payload.length, server.write(ByteBuffer.wrap(payload)));
            assertArrayEquals(payload, clientGot.result());

            // client says close_notify; the server reads end of stream, then closes its side
            client.misc(MiscId.GSK_CLOSE_NOTIFY);
            GskException refused = assertThrows(GskException.class,
                    () -> client.write(ByteBuffer.wrap(new byte[] {1})));
            assertEquals(GskStatus.GSK_ERROR_SSL_CLOSED.code(), refused.code());
            assertEquals(-1, server.read(ByteBuffer.allocate(100)));
            // reads on the client go on until the server's close_notify
            server.write(ByteBuffer.wrap("last words".getBytes(StandardCharsets.US_ASCII)));
            server.close();
            assertEquals("last words", new String(readFully(client, 10), StandardCharsets.US_ASCII));
            assertEquals(-1, client.read(ByteBuffer.allocate(100)));
            client.close();
            assertTrue(link.client.isOpen() && link.server.isOpen(), "the sockets belong to the caller");
        }
    }

    @Test
    void theSocketBlockingModeIsHandedBack() throws Exception {
        try (Loopback link = Loopback.open()) {
            Session[] s = pair(link);
            s[0].close();
            s[1].close();
            assertTrue(link.client.isBlocking());
            assertTrue(link.server.isBlocking());
        }
    }

    /**
     * The read timeout is the session's own value, set under either name before the handshake
     * (the environment's is none); after it the attribute cannot change, and reads keep the value.
     */
    @Test
    void theSessionsReadTimeoutSetBeforeTheHandshakeBindsEveryRead() throws Exception {
        try (Loopback link = Loopback.open()) {
            Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
            Environment clientEnv = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
            Session server = serverEnv.openSession();
            Session client = clientEnv.openSession();
            server.attach(link.server);
            client.attach(link.client);
            NumericAttribute os400Name = NumericAttribute.fromName("GSK_OS400_READ_TIMEOUT").orElseThrow();
            client.set(NumericAttribute.GSK_IBMI_READ_TIMEOUT, 5000);
            client.set(os400Name, 100); // the last set wins, whatever its name
            JdkPeer.Running<Void> hs = JdkPeer.start(() -> {
                server.handshake();
                return null;
            });
            client.handshake();
            hs.result();
            assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
                long started = System.nanoTime();
                assertEquals(GskStatus.GSK_IBMI_ERROR_TIMED_OUT.code(),
                        assertThrows(GskException.class, () -> client.read(ByteBuffer.allocate(10))).code());
                assertTrue(System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(4000), "100 ms, not 5 s");
                assertEquals(GskStatus.GSK_INVALID_STATE.code(),
                        assertThrows(GskException.class, () -> client.set(os400Name, 0)).code());
                assertEquals(GskStatus.GSK_IBMI_ERROR_TIMED_OUT.code(),
                        assertThrows(GskException.class, () -> client.read(ByteBuffer.allocate(10))).code());
                server.write(ByteBuffer.wrap("data".getBytes(StandardCharsets.US_ASCII)));
                assertEquals("data", new String(readFully(client, 4), StandardCharsets.US_ASCII));
            });
            client.close();
            server.close();
        }
    }

    @Test
    void aReadTimeoutIsReportedAndTheSessionStaysUsable() throws Exception {
        try (Loopback link = Loopback.open()) {
            Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
            Environment clientEnv = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
            clientEnv.set(NumericAttribute.GSK_IBMI_READ_TIMEOUT, 200);
            clientEnv.init();
            Session server = serverEnv.openSession();
            Session client = clientEnv.openSession();
            server.attach(link.server);
            client.attach(link.client);
            JdkPeer.Running<Void> hs = JdkPeer.start(() -> {
                try {
                    server.handshake();
                } catch (GskException e) {
                    throw new RuntimeException(e);
                }
                return null;
            });
            client.handshake();
            hs.result();
            long started = System.nanoTime();
            GskException timeout = assertThrows(GskException.class, () -> client.read(ByteBuffer.allocate(10)));
            assertEquals(GskStatus.GSK_IBMI_ERROR_TIMED_OUT.code(), timeout.code());
            assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(150), "waited for the timeout");
            server.write(ByteBuffer.wrap("late".getBytes(StandardCharsets.US_ASCII)));
            assertEquals("late", new String(readFully(client, 4), StandardCharsets.US_ASCII));
            client.close();
            server.close();
        }
    }

    @Test
    void closeFromAnotherThreadWakesABlockedReader() throws Exception {
        try (Loopback link = Loopback.open()) {
            Session[] s = pair(link);
            Session client = s[0];
            JdkPeer.Running<GskException> reader = JdkPeer.start(() -> {
                try {
                    client.read(ByteBuffer.allocate(10));
                    return null;
                } catch (GskException e) {
                    return e;
                }
            });
            reader.awaitBlockedIn("io.gsk4j.Session.read");
            client.close();
            GskException e = reader.result();
            assertEquals(GskStatus.GSK_IBMI_ERROR_CLOSED.code(), e.code());
            GskException after = assertThrows(GskException.class, () -> client.read(ByteBuffer.allocate(10)));
            assertEquals(GskStatus.GSK_INVALID_HANDLE.code(), after.code());
            s[1].close();
        }
    }

    @Test
    void dataCallsBeforeTheHandshakeAreInTheWrongState() throws Exception {
        Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        Session session = env.openSession();
        assertEquals(GskStatus.GSK_INVALID_STATE.code(),
                assertThrows(GskException.class, () -> session.read(ByteBuffer.allocate(1))).code());
        assertEquals(GskStatus.GSK_INVALID_STATE.code(),
                assertThrows(GskException.class, () -> session.write(ByteBuffer.allocate(1))).code());
        assertEquals(GskStatus.GSK_INVALID_STATE.code(),
                assertThrows(GskException.class, () -> session.misc(MiscId.GSK_CLOSE_NOTIFY)).code());
        session.close();
    }

    @Test
    void emptyBuffersAreRefused() throws Exception {
        try (Loopback link = Loopback.open()) {
            Session[] s = pair(link);
            assertEquals(GskStatus.GSK_INVALID_BUFFER_SIZE.code(),
                    assertThrows(GskException.class, () -> s[0].read(ByteBuffer.allocate(0))).code());
            assertEquals(GskStatus.GSK_INVALID_BUFFER_SIZE.code(),
                    assertThrows(GskException.class, () -> s[0].write(new byte[4], 0, 0)).code());
            s[0].close();
            s[1].close();
        }
    }

    @Test
    void attributesAreFrozenAfterTheHandshake() throws Exception {
        try (Loopback link = Loopback.open()) {
            Session[] s = pair(link);
            GskException e = assertThrows(GskException.class,
                    () -> s[0].set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 5));
            assertEquals(GskStatus.GSK_INVALID_STATE.code(), e.code());
            assertEquals(GskStatus.GSK_INVALID_STATE.code(), assertThrows(GskException.class, s[0]::handshake).code());
            assertEquals(EnumValue.GSK_PROTOCOL_USED_TLSV13, s[0].getEnum(EnumAttribute.GSK_PROTOCOL_USED));
            assertEquals("TLSV13", s[0].getBuffer(BufferAttribute.GSK_CONNECT_SEC_TYPE));
            assertEquals(s[0].cipherSpec(), s[1].getBuffer(BufferAttribute.GSK_CONNECT_CIPHER_SPEC_EX));
            s[0].close();
            s[1].close();
        }
    }

    @Test
    void manyThreadsShareOneEnvironmentPair() throws Exception {
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
        Environment clientEnv = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        int connections = 8;
        java.util.List<JdkPeer.Running<String>> running = new java.util.ArrayList<>();
        for (int i = 0; i < connections; i++) {
            int n = i;
            running.add(JdkPeer.start(() -> {
                try (Loopback link = Loopback.open()) {
                    Session server = serverEnv.openSession();
                    Session client = clientEnv.openSession();
                    server.attach(link.server);
                    client.attach(link.client);
                    JdkPeer.Running<Void> serverSide = JdkPeer.start(() -> {
                        server.handshake();
                        server.write(ByteBuffer.wrap(("hello " + n).getBytes(StandardCharsets.US_ASCII)));
                        return null;
                    });
                    client.handshake();
                    serverSide.result();
                    String got = new String(readFully(client, ("hello " + n).length()), StandardCharsets.US_ASCII);
                    client.close();
                    server.close();
                    return got;
                }
            }));
        }
        for (int i = 0; i < connections; i++) {
            assertEquals("hello " + i, running.get(i).result());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void aSecondConnectionResumesTheSession(String protocol) throws Exception {
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
        Environment clientEnv = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        if (protocol.equals("TLSv1.2")) {
            clientEnv.set(EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE);
        }
        clientEnv.init();
        java.util.List<EnumValue> seen = new java.util.ArrayList<>();
        try (java.nio.channels.ServerSocketChannel listener = Loopback.listen()) {
            for (int i = 0; i < 2; i++) {
                try (java.nio.channels.SocketChannel c = java.nio.channels.SocketChannel.open(listener.getLocalAddress());
                        java.nio.channels.SocketChannel sc = listener.accept()) {
                    Session server = serverEnv.openSession();
                    Session client = clientEnv.openSession();
                    server.attach(sc);
                    client.attach(c);
                    JdkPeer.Running<Void> serverSide = JdkPeer.start(() -> {
                        server.handshake();
                        // TLS 1.3 tickets travel after the handshake: give the client something to read
                        server.write(ByteBuffer.wrap(new byte[] {1}));
                        return null;
                    });
                    client.handshake();
                    serverSide.result();
                    assertEquals(1, readFully(client, 1).length);
                    seen.add(client.getEnum(EnumAttribute.GSK_SID_FIRST));
                    client.close();
                    server.close();
                }
            }
        }
        assertEquals(java.util.List.of(EnumValue.GSK_SID_IS_FIRST, EnumValue.GSK_SID_NOT_FIRST), seen);
    }

    static byte[] readFully(Session session, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            while (buffer.hasRemaining()) {
                if (session.read(buffer) < 0) {
                    break;
                }
            }
        } catch (GskException e) {
            throw new RuntimeException(e);
        }
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }
}
