package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.async.AsyncOptions;
import io.gsk4j.async.Completion;
import io.gsk4j.async.CompletionPort;
import io.gsk4j.async.Started;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.MiscId;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.support.Blocking;
import io.gsk4j.support.GskPair;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.SharedState;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 11's hangs and wrong codes at a close, a mode change or the peer's close_notify,
 * each on real loopback sockets with a gsk4j peer, each bounded by its own wait.
 */
@ResourceLock(SharedState.COMPLETION_PORTS) // one test opens a completion port; AsyncSessionTest counts them
class CloseAndModeTest {
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final int ROUNDS = 20;

    @TempDir
    Path dir;

    private Path serverStore;
    private Path clientStore;

    @BeforeEach
    void stores() {
        Ca ca = TestPki.rootCa("Close CA", KeyType.EC_P256);
        Credential server = ca.issueServer("localhost", KeyType.EC_P256, "localhost");
        serverStore = Stores.pkcs12(dir, "server", server, ca.certificate());
        clientStore = Stores.pkcs12(dir, "client", null, ca.certificate());
    }

    private Environment env(EnumValue type, Path store, boolean tls12Only) throws GskException {
        Environment env = Stores.environment(dir, type, store);
        if (tls12Only) {
            env.set(EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE);
        }
        env.init();
        return env;
    }

    /** A handshaken pair on blocking channels with gsk4j's default timeouts (none): [0] client, [1] server. */
    private Session[] pair(Loopback link, boolean tls12Only) throws Exception {
        return pair(link, tls12Only, 0);
    }

    private Session[] pair(Loopback link, boolean tls12Only, int clientReadTimeoutMillis) throws Exception {
        Session server = env(EnumValue.GSK_SERVER_SESSION, serverStore, tls12Only).openSession();
        Session client = env(EnumValue.GSK_CLIENT_SESSION, clientStore, tls12Only).openSession();
        client.set(NumericAttribute.GSK_IBMI_READ_TIMEOUT, clientReadTimeoutMillis);
        return GskPair.handshaken(link, client, server);
    }

    /** A client session on {@code link} whose peer never answers, with no handshake timeout. */
    private Session silentPeerClient(Loopback link) throws GskException {
        Session client = env(EnumValue.GSK_CLIENT_SESSION, clientStore, false).openSession();
        client.attach(link.client);
        client.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 0);
        return client;
    }

    private static int status(Blocking.Call call) {
        try {
            call.run();
            return 0;
        } catch (GskException e) {
            return e.code();
        }
    }

    /** TLS 1.2: the server sends data and close_notify and keeps TCP open; the client reads both. */
    private static void peerClosesTls(Session client, Session server) throws Exception {
        server.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        server.misc(MiscId.GSK_CLOSE_NOTIFY);
        ByteBuffer in = ByteBuffer.allocate(10);
        while (in.position() < 3) {
            assertTrue(client.read(in) > 0);
        }
        assertEquals(-1, client.read(in), "the server's close_notify");
    }

    // ---------------------------------------------------------------- 1: write after close_notify

    @Test
    void aWriteAfterThePeersTls12CloseNotifyIsSocketClosedAtOnce() throws Exception {
        try (Loopback link = Loopback.open()) {
            Session[] s = pair(link, true);
            peerClosesTls(s[0], s[1]);
            int code = assertTimeoutPreemptively(BOUND, () -> status(() -> s[0].write(ByteBuffer.wrap(new byte[100]))),
                    "the write spun on an engine that takes nothing");
            assertEquals(GskStatus.GSK_ERROR_SOCKET_CLOSED.code(), code);
            assertEquals(-1, s[0].read(ByteBuffer.allocate(10)), "reads still end the stream: the session is not failed");
            s[0].close();
            s[1].close();
        }
    }

    @Test
    void anAsynchronousSendAfterThePeersTls12CloseNotifyIsSocketClosedAtOnce() throws Exception {
        try (Loopback link = Loopback.open(); CompletionPort port = CompletionPort.open()) {
            Session[] s = pair(link, true);
            peerClosesTls(s[0], s[1]);
            int code = assertTimeoutPreemptively(BOUND, () -> {
                try {
                    Started started = s[0].startSend(port, ByteBuffer.wrap(new byte[100]), AsyncOptions.DEFAULT);
                    Completion c = started.pending() ? port.poll(BOUND) : started.completion();
                    return c == null ? -1 : c.statusCode();
                } catch (GskException e) {
                    return e.code(); // a failure found by the first attempt is returned by the start call
                }
            }, "the send spun on an engine that takes nothing");
            assertEquals(GskStatus.GSK_ERROR_SOCKET_CLOSED.code(), code);
            s[0].close();
            s[1].close();
        }
    }

    // ---------------------------------------------------------------- 3: the program closes the socket

    @Test
    void closingTheSocketUnderABlockedReadEndsItPromptly() throws Exception {
        try (Loopback link = Loopback.open()) {
            Session[] s = pair(link, false);
            Blocking reader = Blocking.start("reader", () -> s[0].read(ByteBuffer.allocate(10)));
            assertTrue(reader.awaitWaitingOnSocket(BOUND), "the reader never waited");
            long start = System.nanoTime();
            link.client.close();
            assertEquals(GskStatus.GSK_ERROR_SOCKET_CLOSED.code(), reader.status(BOUND));
            assertTrue(System.nanoTime() - start < 2_000_000_000L, "noticed within a second or so");
            s[0].close();
            s[1].close();
        }
    }

    @Test
    void closingTheSocketUnderABlockedHandshakeEndsItPromptly() throws Exception {
        try (Loopback link = Loopback.open()) {
            Session client = silentPeerClient(link);
            Blocking handshake = Blocking.start("handshake", client::handshake);
            assertTrue(handshake.awaitWaitingOnSocket(BOUND), "the handshake never waited");
            link.client.close();
            assertEquals(GskStatus.GSK_ERROR_SOCKET_CLOSED.code(), handshake.status(BOUND));
            client.close();
        }
    }

    // ---------------------------------------------------------------- 5, 6: gsk_secure_soc_close from another thread

    @Test
    void closeDuringABlockedHandshakeIsClosedNeverInternalError() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            try (Loopback link = Loopback.open()) {
                Session client = silentPeerClient(link);
                Blocking handshake = Blocking.start("handshake", client::handshake);
                assertTrue(handshake.awaitWaitingOnSocket(BOUND), "the handshake never waited");
                client.close();
                assertEquals(GskStatus.GSK_IBMI_ERROR_CLOSED.code(), handshake.status(BOUND), "round " + i);
            }
        }
    }

    @Test
    void closeDuringABlockedReadIsClosedNeverTheEndOfStream() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            try (Loopback link = Loopback.open()) {
                // TLS 1.2: the peer's engine answers our close_notify with its own at once
                Session[] s = pair(link, true);
                Blocking peer = Blocking.start("peer-reader", () -> s[1].read(ByteBuffer.allocate(10)));
                Blocking reader = Blocking.start("reader", () -> s[0].read(ByteBuffer.allocate(10)));
                assertTrue(reader.awaitWaitingOnSocket(BOUND), "the reader never waited");
                assertTrue(peer.awaitWaitingOnSocket(BOUND), "the peer never waited");
                s[0].close();
                assertEquals(GskStatus.GSK_IBMI_ERROR_CLOSED.code(), reader.status(BOUND),
                        "round " + i + ": a local close, not the peer's orderly one (0 = end of stream)");
                assertEquals(0, peer.status(BOUND), "the peer read our close_notify");
                s[1].close();
            }
        }
    }

    // ---------------------------------------------------------------- 7: the program's mode at each call

    @Test
    void aSocketMadeNonBlockingAfterTheHandshakeGetsWouldBlock() throws Exception {
        try (Loopback link = Loopback.open()) {
            Session[] s = pair(link, false);
            assertTrue(link.client.isBlocking(), "between calls the channel is in the program's mode");
            link.client.configureBlocking(false); // O_NONBLOCK after gsk_secure_soc_init
            assertEquals(GskStatus.GSK_WOULD_BLOCK.code(),
                    assertTimeoutPreemptively(BOUND, () -> status(() -> s[0].read(ByteBuffer.allocate(10)))),
                    "a read with nothing to read");
            // the server never reads: the write fills both socket buffers, then would block
            int code = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
                while (true) {
                    chunk.clear();
                    int c = status(() -> s[0].write(chunk));
                    if (c != 0) {
                        return c;
                    }
                }
            }, "a write that blocked on a non-blocking socket");
            assertEquals(GskStatus.GSK_WOULD_BLOCK.code(), code);
            assertTrue(!link.client.isBlocking(), "the program's mode is kept");
            s[0].close();
            s[1].close();
        }
    }

    // ---------------------------------------------------------------- 8: registration ends with the wait

    @Test
    void anAbortiveCloseByTheProgramResetsTheConnectionAtOnce() throws Exception {
        try (Loopback link = Loopback.open(); Selector peerPoll = Selector.open()) {
            Session[] s = pair(link, false, 50);
            assertEquals(GskStatus.GSK_IBMI_ERROR_TIMED_OUT.code(), status(() -> s[0].read(ByteBuffer.allocate(10))),
                    "a read that waited on the socket, and gave up");
            link.client.setOption(StandardSocketOptions.SO_LINGER, 0);
            link.client.close(); // the program's abortive close: the peer must see a reset now

            SocketChannel peer = link.server;
            peer.configureBlocking(false);
            peer.register(peerPoll, SelectionKey.OP_READ);
            assertTrue(peerPoll.select(BOUND.toMillis()) > 0, "the peer saw nothing: the close was deferred");
            assertThrows(IOException.class, () -> peer.read(ByteBuffer.allocate(10)), "a reset, not a FIN");
        }
    }
}
