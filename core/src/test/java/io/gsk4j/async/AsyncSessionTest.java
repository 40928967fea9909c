package io.gsk4j.async;

import static io.gsk4j.async.AsyncFixture.WAIT;
import static io.gsk4j.async.AsyncFixture.assertStatus;
import static io.gsk4j.async.AsyncFixture.handshaken;
import static io.gsk4j.async.AsyncFixture.next;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.Environment;
import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.Party;
import io.gsk4j.Session;
import io.gsk4j.SessionState;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.SharedState;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The core asynchronous API on real loopback connections: gsk4j on both ends, or the JDK's SSLSocket. */
@ResourceLock(SharedState.COMPLETION_PORTS)
class AsyncSessionTest {
    @TempDir
    Path dir;

    @AfterEach
    void noThreadsLeft() {
        assertEquals(0, CompletionPort.liveCount(), "a test left a port open");
        assertEquals(0, IoThreads.running(), "the I/O threads stop with the last port");
    }

    @Test
    void handshakeBothEndsOnOnePortThenEcho() throws Exception {
        try (CompletionPort port = CompletionPort.open(); Loopback link = Loopback.open()) {
            Session[] s = handshaken(dir, link, port);
            assertEquals(SessionState.SECURE, s[0].state());
            assertEquals(SessionState.SECURE, s[1].state());

            ByteBuffer in = ByteBuffer.allocate(64);
            Started recv = s[1].startReceive(port, in, AsyncOptions.attach("recv").withOperationId(7));
            assertTrue(recv.pending(), "nothing was sent yet");
            Started send = s[0].startSend(port, ByteBuffer.wrap("hello".getBytes(StandardCharsets.US_ASCII)), AsyncOptions.DEFAULT);
            assertFalse(send.pending(), "an empty socket takes five bytes at once");
            assertFalse(send.posted());
            assertEquals(5, send.completion().bytes());
            assertStatus(GskStatus.GSK_OK, send.completion());

            Completion got = next(port);
            assertEquals(OperationKind.RECEIVE, got.kind());
            assertStatus(GskStatus.GSK_OK, got);
            assertEquals(5, got.bytes());
            assertEquals("recv", got.attachment());
            assertEquals(7, got.operationId());
            assertSame(s[1], got.session());
            assertEquals("hello", new String(AsyncFixture.bytes(in, 0, 5), StandardCharsets.US_ASCII));
            assertEquals(5, in.position(), "the buffer advances like a channel read");
            assertNull(port.poll(), "exactly one completion per pending operation");
            s[0].close();
            s[1].close();
            assertTrue(link.client.isBlocking() && link.server.isBlocking(), "the blocking mode is handed back");
        }
    }

    @Test
    void postAlwaysPostsAnImmediateCompletionToo() throws Exception {
        try (CompletionPort port = CompletionPort.open(); Loopback link = Loopback.open()) {
            Session[] s = handshaken(dir, link, port);
            s[0].write(ByteBuffer.wrap("abcdef".getBytes(StandardCharsets.US_ASCII)));
            // wait until it is readable without the socket, so the next start finishes at once
            ByteBuffer first = ByteBuffer.allocate(3);
            Completion c = firstReceive(s[1], port, first);
            assertEquals(3, c.bytes());

            ByteBuffer second = ByteBuffer.allocate(3);
            Started now = s[1].startReceive(port, second, AsyncOptions.attach("always").withPostAlways(true));
            assertFalse(now.pending());
            assertTrue(now.posted(), "postFlag 1: posted even though it finished at once");
            Completion posted = next(port);
            assertEquals("always", posted.attachment());
            assertEquals(3, posted.bytes());
            assertEquals("def", new String(second.array(), StandardCharsets.US_ASCII));

            s[0].write(ByteBuffer.wrap("gh".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer third = ByteBuffer.allocate(8);
            Completion quiet = firstReceive(s[1], port, third);
            assertEquals(2, quiet.bytes());
            assertNull(port.poll(), "postFlag 0 and finished at once: nothing posted");
            s[0].close();
            s[1].close();
        }
    }

    /** Receives once: at once if the data is there, else through the port. */
    private static Completion firstReceive(Session s, CompletionPort port, ByteBuffer into) throws Exception {
        Started st = s.startReceive(port, into, AsyncOptions.DEFAULT);
        return st.pending() ? next(port) : st.completion();
    }

    @Test
    void fillBufferWaitsUntilTheBufferIsFull() throws Exception {
        try (CompletionPort port = CompletionPort.open(); Loopback link = Loopback.open()) {
            Session[] s = handshaken(dir, link, port);
            ByteBuffer in = ByteBuffer.allocate(100);
            assertTrue(s[1].startReceive(port, in, AsyncOptions.DEFAULT.withFillBuffer(true)).pending());
            byte[] payload = new byte[100];
            new Random(1).nextBytes(payload);
            s[0].write(ByteBuffer.wrap(payload, 0, 30));
            assertNull(port.poll(Duration.ofMillis(300)), "30 of 100 bytes do not complete a fillBuffer receive");
            s[0].write(ByteBuffer.wrap(payload, 30, 70));
            Completion c = next(port);
            assertStatus(GskStatus.GSK_OK, c);
            assertEquals(100, c.bytes());
            assertArrayEquals(payload, in.array());
            s[0].close();
            s[1].close();
        }
    }

    @Test
    void fillBufferCompletesWithWhatItHasAtEndOfStream() throws Exception {
        try (CompletionPort port = CompletionPort.open(); Loopback link = Loopback.open()) {
            Session[] s = handshaken(dir, link, port);
            ByteBuffer in = ByteBuffer.allocate(100);
            assertTrue(s[1].startReceive(port, in, AsyncOptions.DEFAULT.withFillBuffer(true)).pending());
            s[0].write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            s[0].close(); // close_notify
            Completion c = next(port);
            assertStatus(GskStatus.GSK_OK, c);
            assertEquals(3, c.bytes());
            Completion eof = firstReceive(s[1], port, ByteBuffer.allocate(10));
            assertStatus(GskStatus.GSK_OK, eof);
            assertEquals(0, eof.bytes(), "GSK_OK with 0 bytes is end of stream");
            s[1].close();
        }
    }

    @Test
    void anExpiredWaitTimeCompletesWithEagainAndTheSessionGoesOn() throws Exception {
        try (CompletionPort port = CompletionPort.open(); Loopback link = Loopback.open()) {
            Session[] s = handshaken(dir, link, port);
            assertTrue(s[1].startReceive(port, ByteBuffer.allocate(10), AsyncOptions.DEFAULT.withWaitTime(Duration.ofSeconds(1))).pending());
            Completion c = next(port);
            assertStatus(GskStatus.GSK_ERROR_IO, c);
            assertEquals(Errno.EAGAIN, c.errno().orElseThrow());
            assertEquals(0, c.bytes());
            s[0].write(ByteBuffer.wrap("late".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer in = ByteBuffer.allocate(10);
            assertEquals(4, firstReceive(s[1], port, in).bytes());
            s[0].close();
            s[1].close();
        }
    }

    @Test
    void aCancelledReceiveEndsInACompletionAndLosesNoData() throws Exception {
        try (CompletionPort port = CompletionPort.open(); Loopback link = Loopback.open()) {
            Session[] s = handshaken(dir, link, port);
            assertTrue(s[1].startReceive(port, ByteBuffer.allocate(10), AsyncOptions.attach("a").withOperationId(5)).pending());
            assertEquals(0, s[1].cancelAsync(6), "no operation has that identifier");
            assertEquals(1, s[1].cancelAsync(5));
            Completion c = next(port);
            assertEquals("a", c.attachment());
            assertStatus(GskStatus.GSK_ERROR_IO, c);
            assertEquals(Errno.ECANCELED, c.errno().orElseThrow());
            assertEquals(0, s[1].cancelAsync(0), "nothing is pending any more");
            s[0].write(ByteBuffer.wrap("kept".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer in = ByteBuffer.allocate(10);
            assertEquals(4, firstReceive(s[1], port, in).bytes());
            s[0].close();
            s[1].close();
        }
    }

    @Test
    void closingTheSessionCompletesItsPendingOperations() throws Exception {
        try (CompletionPort port = CompletionPort.open(); Loopback link = Loopback.open()) {
            Session[] s = handshaken(dir, link, port);
            assertTrue(s[1].startReceive(port, ByteBuffer.allocate(10), AsyncOptions.attach("r1")).pending());
            assertTrue(s[1].startReceive(port, ByteBuffer.allocate(10), AsyncOptions.attach("r2")).pending());
            s[1].close();
            for (int i = 0; i < 2; i++) {
                assertStatus(GskStatus.GSK_IBMI_ERROR_CLOSED, next(port));
            }
            assertNull(port.poll(Duration.ofMillis(100)));
            assertTrue(link.server.isOpen() && link.server.isBlocking(), "the socket is the caller's again, blocking");
            s[0].close();
        }
    }

    @Test
    void aSocketClosedUnderAPendingReceiveCompletesWithEclosed() throws Exception {
        try (CompletionPort port = CompletionPort.open(); Loopback link = Loopback.open()) {
            Session[] s = handshaken(dir, link, port);
            assertTrue(s[1].startReceive(port, ByteBuffer.allocate(10), AsyncOptions.DEFAULT).pending());
            link.server.close();
            Completion c = next(port);
            assertStatus(GskStatus.GSK_ERROR_IO, c);
            assertEquals(Errno.ECLOSED, c.errno().orElseThrow());
            s[0].close();
            s[1].close();
        }
    }

    @Test
    void aSendTheSocketCannotTakeCompletesWhenThePeerReads() throws Exception {
        try (CompletionPort port = CompletionPort.open(); Loopback link = Loopback.open()) {
            Session[] s = handshaken(dir, link, port);
            byte[] payload = new byte[24 << 20];
            new Random(3).nextBytes(payload);
            Started st = s[0].startSend(port, ByteBuffer.wrap(payload), AsyncOptions.attach("big"));
            assertTrue(st.pending(), "24 MiB do not fit into loopback's socket buffers");
            assertNull(port.poll(Duration.ofMillis(200)), "nobody reads yet");
            ByteBuffer got = ByteBuffer.allocate(payload.length);
            while (got.hasRemaining()) {
                Started r = s[1].startReceive(port, got, AsyncOptions.attach("part"));
                Completion c = r.pending() ? next(port) : r.completion();
                if (c.kind() == OperationKind.SEND) {
                    assertEquals(payload.length, c.bytes());
                    c = next(port);
                }
                assertStatus(GskStatus.GSK_OK, c);
            }
            assertArrayEquals(payload, got.array());
            Completion sent = port.poll(WAIT);
            if (sent != null) { // unless it was taken inside the loop
                assertEquals(OperationKind.SEND, sent.kind());
                assertEquals(payload.length, sent.bytes());
            }
            s[0].close();
            s[1].close();
        }
    }

    @Test
    void anUntrustedServerIsReportedThroughTheCompletion() throws Exception {
        TestPki.Credential self = TestPki.selfSigned("localhost", KeyType.EC_P256, "localhost");
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, Stores.pkcs12(dir, "self", self));
        Environment clientEnv = AsyncFixture.clientEnv(dir);
        try (CompletionPort port = CompletionPort.open(); Loopback link = Loopback.open()) {
            Session server = serverEnv.openSession();
            Session client = clientEnv.openSession();
            server.attach(link.server);
            client.attach(link.client);
            server.startHandshake(port, AsyncOptions.attach("server"));
            client.startHandshake(port, AsyncOptions.attach("client"));
            for (int i = 0; i < 2; i++) {
                Completion c = next(port);
                if ("client".equals(c.attachment())) {
                    assertStatus(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, c);
                    assertTrue(c.errno().isEmpty());
                } else {
                    assertFalse(c.succeeded(), "the server hears the client's alert: " + c);
                }
            }
            assertEquals(SessionState.FAILED, client.state());
            GskException sticky = assertThrows(GskException.class, client::handshake);
            assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT.code(), sticky.code());
            assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT.code(), client.validationCode());
            client.close();
            server.close();
        }
    }

    @Test
    void aSilentPeerTimesOutTheAsynchronousHandshake() throws Exception {
        Environment env = AsyncFixture.clientEnv(dir);
        try (CompletionPort port = CompletionPort.open(); Loopback link = Loopback.open()) {
            Session client = env.openSession();
            client.attach(link.client);
            client.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 1);
            long started = System.nanoTime();
            assertTrue(client.startHandshake(port, AsyncOptions.DEFAULT).pending());
            Completion c = next(port);
            assertStatus(GskStatus.GSK_IBMI_ERROR_TIMED_OUT, c);
            assertTrue(System.nanoTime() - started >= Duration.ofMillis(900).toNanos(), "it waited for the timeout");
            assertEquals(GskStatus.GSK_IBMI_ERROR_TIMED_OUT.code(), assertThrows(GskException.class, client::handshake).code());
            client.close();
        }
    }

    @Test
    void aPeerThatResetsIsAnIoErrorWithErrnoInTheCompletion() throws Exception {
        Environment env = AsyncFixture.clientEnv(dir);
        try (CompletionPort port = CompletionPort.open(); Loopback link = Loopback.open()) {
            Session client = env.openSession();
            client.attach(link.client);
            client.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
            assertTrue(client.startHandshake(port, AsyncOptions.DEFAULT).pending());
            link.server.read(ByteBuffer.allocate(2048)); // the ClientHello
            link.server.setOption(StandardSocketOptions.SO_LINGER, 0);
            link.server.close(); // RST
            Completion c = next(port);
            assertStatus(GskStatus.GSK_ERROR_IO, c);
            assertEquals(Errno.ECONNRESET, c.errno().orElseThrow());
            client.close();
        }
    }

    @Test
    void aServerHandshakeCancelledBeforeTheClientHelloCanStartAgain() throws Exception {
        Environment serverEnv = AsyncFixture.serverEnv(dir);
        Environment clientEnv = AsyncFixture.clientEnv(dir);
        try (CompletionPort port = CompletionPort.open(); Loopback link = Loopback.open()) {
            Session server = serverEnv.openSession();
            server.attach(link.server);
            assertTrue(server.startHandshake(port, AsyncOptions.attach("first").withOperationId(1)).pending());
            assertEquals(1, server.cancelAsync(0));
            Completion c = next(port);
            assertEquals(OperationKind.HANDSHAKE, c.kind());
            assertStatus(GskStatus.GSK_ERROR_IO, c);
            assertEquals(Errno.ECANCELED, c.errno().orElseThrow());

            Session client = clientEnv.openSession();
            client.attach(link.client);
            assertTrue(server.startHandshake(port, AsyncOptions.attach("again")).pending());
            client.handshake();
            Completion again = next(port);
            assertEquals("again", again.attachment());
            assertStatus(GskStatus.GSK_OK, again);
            assertEquals(SessionState.SECURE, server.state());
            client.close();
            server.close();
        }
    }

    @Test
    void aClientHandshakeUnderWayCannotBeCancelledButCloseEndsIt() throws Exception {
        Environment env = AsyncFixture.clientEnv(dir);
        try (CompletionPort port = CompletionPort.open(); Loopback link = Loopback.open()) {
            Session client = env.openSession();
            client.attach(link.client);
            assertTrue(client.startHandshake(port, AsyncOptions.DEFAULT).pending());
            assertTrue(link.server.read(ByteBuffer.allocate(2048)) > 0, "the ClientHello is out: negotiation has begun");
            assertEquals(0, client.cancelAsync(0), "IBM: a startInit under way is uninterruptible");
            assertNull(port.poll(Duration.ofMillis(100)));
            GskException busy = assertThrows(GskException.class, client::handshake);
            assertEquals(GskStatus.GSK_INVALID_STATE.code(), busy.code(), "no synchronous handshake beside the asynchronous one");
            client.close();
            assertStatus(GskStatus.GSK_IBMI_ERROR_CLOSED, next(port));
        }
    }

    @Test
    void destroyingThePortDropsPendingOperationsAndWakesItsWaiters() throws Exception {
        CompletionPort port = CompletionPort.open();
        try (Loopback link = Loopback.open()) {
            Session[] s = handshaken(dir, link, port);
            assertTrue(s[1].startReceive(port, ByteBuffer.allocate(10), AsyncOptions.DEFAULT).pending());
            JdkPeer.Running<Throwable> waiter = JdkPeer.start(() -> {
                try {
                    port.take();
                    return null;
                } catch (PortDestroyedException expected) {
                    return expected;
                }
            });
            waiter.awaitBlockedIn("io.gsk4j.async.CompletionPort.take");
            port.destroy();
            assertTrue(waiter.result() instanceof PortDestroyedException);
            assertThrows(PortDestroyedException.class, port::poll);
            GskException gone = assertThrows(GskException.class,
                    () -> s[1].startReceive(port, ByteBuffer.allocate(1), AsyncOptions.DEFAULT));
            assertEquals(GskStatus.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT.code(), gone.code());
            // the session itself goes on synchronously
            s[0].write(ByteBuffer.wrap(new byte[] {42}));
            ByteBuffer one = ByteBuffer.allocate(1);
            assertEquals(1, s[1].read(one));
            s[0].close();
            s[1].close();
        }
    }

    @Test
    void theIoThreadsStopWithTheLastPortAndStartAgain() throws Exception {
        int before = threadsNamedIo();
        try (Loopback link = Loopback.open()) {
            CompletionPort first = CompletionPort.open();
            CompletionPort second = CompletionPort.open();
            Session[] s = handshaken(dir, link, first);
            assertTrue(IoThreads.running() >= 1 && IoThreads.running() <= IoThreads.MAX);
            assertEquals(IoThreads.running(), threadsNamedIo());
            first.destroy();
            assertTrue(IoThreads.running() >= 1, "a port is still open");
            second.destroy();
            assertEquals(0, IoThreads.running());
            assertEquals(before, threadsNamedIo(), "the threads are gone");
            // a session whose thread stopped gets a new one
            try (CompletionPort third = CompletionPort.open()) {
                s[0].write(ByteBuffer.wrap(new byte[] {9}));
                Completion c = firstReceive(s[1], third, ByteBuffer.allocate(4));
                assertEquals(1, c.bytes());
                s[0].close();
                s[1].close();
            }
        }
        assertEquals(before, threadsNamedIo());
    }

    static int threadsNamedIo() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("gsk4j-io-") && t.isAlive()) {
                n++;
            }
        }
        return n;
    }

    @Test
    void theJdkSslSocketAsServerWithOurAsynchronousClient() throws Exception {
        SSLContext jdk = io.gsk4j.support.JdkPeer.context(AsyncFixture.SERVER, AsyncFixture.CA.certificate());
        Environment env = AsyncFixture.clientEnv(dir);
        try (SSLServerSocket listener = (SSLServerSocket) jdk.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
                CompletionPort port = CompletionPort.open()) {
            JdkPeer.Running<String> peer = JdkPeer.start(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.setSoTimeout(20_000);
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    byte[] buf = new byte[5];
                    int n = 0;
                    while (n < 5) {
                        n += in.read(buf, n, 5 - n);
                    }
                    out.write(("echo " + new String(buf, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return new String(buf, StandardCharsets.US_ASCII);
                }
            });
            try (SocketChannel ch = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()))) {
                Session client = env.openSession();
                client.attach(ch);
                client.startHandshake(port, AsyncOptions.DEFAULT);
                assertStatus(GskStatus.GSK_OK, next(port));
                Started sent = client.startSend(port, ByteBuffer.wrap("howdy".getBytes(StandardCharsets.US_ASCII)), AsyncOptions.DEFAULT);
                if (sent.pending()) {
                    assertStatus(GskStatus.GSK_OK, next(port));
                }
                ByteBuffer in = ByteBuffer.allocate(10);
                Started r = client.startReceive(port, in, AsyncOptions.DEFAULT.withFillBuffer(true));
                Completion c = r.pending() ? next(port) : r.completion();
                assertEquals(10, c.bytes());
                assertEquals("echo howdy", new String(in.array(), StandardCharsets.US_ASCII));
                client.close(); // close_notify first: the JDK's own close waits for ours
                assertEquals("howdy", peer.result());
            }
        }
    }

    @Test
    void aRefusedAsynchronousHandshakeCompletesWithTheSameFactsAsTheSynchronousOne() throws Exception {
        TestPki.Ca stranger = TestPki.rootCa("Stranger CA", KeyType.EC_P256);
        Environment serverEnv = AsyncFixture.serverEnv(dir);
        Environment clientEnv = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION,
                Stores.pkcs12(dir, "stranger-client", null, stranger.certificate()));
        try (CompletionPort port = CompletionPort.open(); Loopback link = Loopback.open()) {
            Session server = serverEnv.openSession();
            Session client = clientEnv.openSession();
            server.attach(link.server);
            client.attach(link.client);
            server.startHandshake(port, AsyncOptions.attach("server"));
            client.startHandshake(port, AsyncOptions.attach("client"));
            Completion refused = null;
            for (int i = 0; i < 2; i++) {
                Completion c = next(port);
                if ("client".equals(c.attachment())) {
                    refused = c;
                }
            }
            assertNotNull(refused);
            assertStatus(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, refused);
            GskException failure = refused.failure();
            assertEquals(Party.LOCAL, failure.refusedBy().orElseThrow());
            assertEquals(AsyncFixture.SERVER.leaf(), failure.certificateProblem().orElseThrow().chainReceived().get(0));
            assertTrue(refused.errno().isEmpty());
            assertSame(failure, client.failure().orElseThrow(), "the session keeps the failure its completion carried");
            client.close();
            server.close();
        }
    }
}
