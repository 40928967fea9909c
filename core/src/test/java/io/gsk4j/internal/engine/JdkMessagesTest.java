package io.gsk4j.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.Party;
import io.gsk4j.TlsAlert;
import io.gsk4j.internal.JdkMessages;
import io.gsk4j.internal.engine.ErrorMapper.Phase;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDK message table against the words the running JDK really produces: each test creates
 * the situation with two real SSLEngines (or real sockets) and maps what the JDK threw. Run on
 * the build's Java 17 and on Temurin 25 (docs/ARCHITECTURE.md says how): a JDK that rewords a
 * message the table reads fails here, not in a user's explanation.
 */
class JdkMessagesTest {
    private static Credential server;
    private static SSLContext serverContext;
    private static SSLContext clientContext;

    @BeforeAll
    static void pki() throws Exception {
        server = TestPki.selfSigned("messages.test", KeyType.EC_P256, "messages.test");
        serverContext = JdkPeer.context(server);
        clientContext = JdkPeer.context(null, server.leaf());
    }

    /** What each engine threw when the handshake between them stopped. */
    private record Failures(SSLException client, SSLException server) {
    }

    private static Failures handshake(SSLEngine client, SSLEngine server) throws Exception {
        ByteBuffer toServer = ByteBuffer.allocate(1 << 17);
        ByteBuffer toClient = ByteBuffer.allocate(1 << 17);
        ByteBuffer sink = ByteBuffer.allocate(1 << 17);
        SSLException clientFailure = null;
        SSLException serverFailure = null;
        client.beginHandshake();
        server.beginHandshake();
        for (int round = 0; round < 200 && (clientFailure == null || serverFailure == null); round++) {
            if (clientFailure == null) {
                try {
                    step(client, toClient, toServer, sink);
                } catch (SSLException e) {
                    clientFailure = e;
                    drainAlert(client, toServer);
                }
            }
            if (serverFailure == null) {
                try {
                    step(server, toServer, toClient, sink);
                } catch (SSLException e) {
                    serverFailure = e;
                    drainAlert(server, toClient);
                }
            }
            if (done(client) && done(server) && clientFailure == null && serverFailure == null) {
                break;
            }
        }
        return new Failures(clientFailure, serverFailure);
    }

    private static boolean done(SSLEngine e) {
        HandshakeStatus s = e.getHandshakeStatus();
        return s == HandshakeStatus.NOT_HANDSHAKING || s == HandshakeStatus.FINISHED;
    }

    /** One turn of an engine: unwrap what arrived, run its tasks, wrap what it has to say. */
    private static void step(SSLEngine e, ByteBuffer in, ByteBuffer out, ByteBuffer sink) throws SSLException {
        in.flip();
        try {
            while (in.hasRemaining() && !e.isInboundDone()) {
                int before = in.remaining();
                e.unwrap(in, sink);
                runTasks(e);
                if (in.remaining() == before) {
                    break;
                }
            }
        } finally {
            in.compact();
            sink.clear();
        }
        while (e.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            e.wrap(ByteBuffer.allocate(0), out);
            runTasks(e);
        }
        runTasks(e);
    }

    private static void runTasks(SSLEngine e) {
        for (Runnable task = e.getDelegatedTask(); task != null; task = e.getDelegatedTask()) {
            task.run();
        }
    }

    /** After a failure the engine holds its alert: send it, as gsk4j's driver does. */
    private static void drainAlert(SSLEngine e, ByteBuffer out) {
        try {
            for (int i = 0; i < 4 && !e.isOutboundDone(); i++) {
                e.wrap(ByteBuffer.allocate(0), out);
            }
        } catch (SSLException ignored) {
            // the alert is best effort, as in the driver
        }
    }

    private static SSLEngine client(String protocol, String... suites) {
        SSLEngine e = clientContext.createSSLEngine("messages.test", 443);
        e.setUseClientMode(true);
        e.setEnabledProtocols(new String[] {protocol});
        if (suites.length > 0) {
            e.setEnabledCipherSuites(suites);
        }
        return e;
    }

    private static SSLEngine server(String protocol, String... suites) {
        SSLEngine e = serverContext.createSSLEngine();
        e.setUseClientMode(false);
        e.setEnabledProtocols(new String[] {protocol});
        if (suites.length > 0) {
            e.setEnabledCipherSuites(suites);
        }
        return e;
    }

    private static GskException mapped(Throwable t) {
        assertNotNull(t, "the JDK did not fail where the test expects it to");
        return ErrorMapper.map(t, Phase.HANDSHAKE, false);
    }

    @Test
    void noCipherSuiteInCommon() throws Exception {
        Failures f = handshake(client("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
                server("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"));
        GskException ours = mapped(f.server());
        assertEquals(GskStatus.GSK_ERROR_NO_CIPHERS.code(), ours.code(), f.server()::getMessage);
        assertEquals(Party.LOCAL, ours.refusedBy().orElseThrow());
        GskException theirs = mapped(f.client());
        assertEquals(TlsAlert.HANDSHAKE_FAILURE, theirs.alertReceived().orElseThrow(), f.client()::getMessage);
        assertEquals(Party.PEER, theirs.refusedBy().orElseThrow());
    }

    @Test
    void noProtocolInCommon() throws Exception {
        Failures f = handshake(client("TLSv1.2"), server("TLSv1.3"));
        GskException ours = mapped(f.server());
        assertEquals(GskStatus.GSK_ERROR_UNSUPPORTED.code(), ours.code(), f.server()::getMessage);
        assertEquals(Party.LOCAL, ours.refusedBy().orElseThrow());
        assertEquals(TlsAlert.PROTOCOL_VERSION, mapped(f.client()).alertReceived().orElseThrow(), f.client()::getMessage);
    }

    @Test
    void aClientWithoutACertificateForAServerThatNeedsOne() throws Exception {
        for (String protocol : new String[] {"TLSv1.2", "TLSv1.3"}) {
            SSLEngine server = server(protocol);
            server.setNeedClientAuth(true);
            Failures f = handshake(client(protocol), server);
            GskException ours = mapped(f.server());
            assertEquals(GskStatus.GSK_ERROR_NO_CERTIFICATE.code(), ours.code(), () -> protocol + ": " + f.server().getMessage());
            assertEquals(Party.LOCAL, ours.refusedBy().orElseThrow());
            assertEquals(Party.PEER, mapped(f.client()).refusedBy().orElseThrow(), f.client()::getMessage);
        }
    }

    @Test
    void plainTextAtATlsServer() throws Exception {
        SSLEngine server = server("TLSv1.3");
        server.beginHandshake();
        ByteBuffer http = ByteBuffer.wrap("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        SSLException e = assertThrows(SSLException.class, () -> server.unwrap(http, ByteBuffer.allocate(1 << 16)));
        GskException mapped = mapped(e);
        assertEquals(GskStatus.GSK_ERROR_BAD_MESSAGE.code(), mapped.code(), e::getMessage);
        assertTrue(mapped.refusedBy().isEmpty());
    }

    @Test
    void closingInboundBeforeThePeersCloseNotify() throws Exception {
        SSLEngine client = client("TLSv1.3");
        SSLEngine server = server("TLSv1.3");
        Failures f = handshake(client, server);
        assertEquals(null, f.client());
        assertEquals(null, f.server());
        SSLException e = assertThrows(SSLException.class, client::closeInbound);
        GskException mapped = ErrorMapper.map(e, Phase.READ, false);
        assertEquals(GskStatus.GSK_ERROR_SOCKET_CLOSED.code(), mapped.code(), e::getMessage);
    }

    @Test
    void aRefusedConnectionAndAResetOneCarryTheirErrno() throws Exception {
        InetSocketAddress closed;
        try (ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            closed = (InetSocketAddress) listener.getLocalAddress();
        }
        IOException refused = assertThrows(IOException.class, () -> SocketChannel.open(closed).close());
        assertEquals(Errno.ECONNREFUSED, ErrorMapper.map(refused, Phase.HANDSHAKE, false).errno().orElseThrow(),
                refused::getMessage);

        try (ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SocketChannel client = SocketChannel.open(listener.getLocalAddress())) {
            try (SocketChannel accepted = listener.accept()) {
                accepted.setOption(StandardSocketOptions.SO_LINGER, 0); // close sends a reset
            }
            IOException reset = assertThrows(IOException.class, () -> client.read(ByteBuffer.allocate(8)));
            assertEquals(Errno.ECONNRESET, ErrorMapper.map(reset, Phase.READ, false).errno().orElseThrow(), reset::getMessage);
        }
    }

    @Test
    void aWrongStorePasswordIsToldApartFromADamagedStore() throws Exception {
        for (String type : new String[] {"PKCS12", "JKS"}) {
            java.security.KeyStore ks = java.security.KeyStore.getInstance(type);
            ks.load(null, null);
            ks.setCertificateEntry("ca", server.leaf());
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            ks.store(bytes, "right".toCharArray());
            java.security.KeyStore reread = java.security.KeyStore.getInstance(type);
            IOException wrong = assertThrows(IOException.class,
                    () -> reread.load(new java.io.ByteArrayInputStream(bytes.toByteArray()), "wrong".toCharArray()));
            assertTrue(JdkMessages.wrongStorePassword(wrong), () -> type + ": " + wrong);
            byte[] damaged = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
            Exception truncated = assertThrows(Exception.class,
                    () -> reread.load(new java.io.ByteArrayInputStream(damaged), "right".toCharArray()));
            assertTrue(!JdkMessages.wrongStorePassword(truncated), () -> type + " truncated: " + truncated);
        }
    }

    @Test
    void everyRowIsReachable() {
        // a row no message can select would be dead text: each fragment selects its own row
        for (JdkMessages.Row row : JdkMessages.ROWS) {
            for (String fragment : row.fragments()) {
                assertEquals(row, JdkMessages.row("x " + fragment + " y").orElseThrow(), fragment);
            }
        }
    }
}
