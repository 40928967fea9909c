package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain calls on a channel the caller made non-blocking: GSK_WOULD_BLOCK instead of a
 * wait, and never a byte stranded where a caller that polls the socket would not see it.
 */
class NonBlockingSessionTest {
    private static final long POLL_MILLIS = 10_000;

    @TempDir
    Path dir;

    private Environment serverEnv;
    private Environment clientEnv;

    @BeforeEach
    void environments() throws Exception {
        Ca ca = TestPki.rootCa("Non-blocking CA", KeyType.EC_P256);
        serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION,
                Stores.pkcs12(dir, "server", ca.issueServer("localhost", KeyType.EC_P256, "localhost"), ca.certificate()));
        clientEnv = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "client", null, ca.certificate()));
    }

    /** [0] client on a non-blocking channel, [1] server (blocking): handshaken. */
    private Session[] pair(Loopback link) throws Exception {
        link.client.configureBlocking(false);
        Session server = serverEnv.openSession();
        Session client = clientEnv.openSession();
        server.attach(link.server);
        client.attach(link.client);
        client.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 20);
        JdkPeer.Running<Void> serverSide = JdkPeer.start(() -> {
            server.handshake();
            return null;
        });
        client.handshake(); // waits (bounded) even on a non-blocking channel: see CONFORMANCE
        serverSide.result();
        assertTrue(!link.client.isBlocking(), "the caller's mode is kept");
        return new Session[] {client, server};
    }

    /** Waits until the socket reports {@code op}; fails the test if it never does. */
    private static void poll(SocketChannel channel, int op) throws Exception {
        try (Selector selector = Selector.open()) {
            channel.register(selector, op);
            assertTrue(selector.select(POLL_MILLIS) > 0, "the socket never became ready: data is stranded");
        }
    }

    @Test
    void oneByteAtATimePollingOnlyOnWouldBlockGetsEveryByteOfSeveralRecords() throws Exception {
        byte[] payload = new byte[40_000]; // one 2,000-byte record, one of 1 byte, then more than a full record
        new Random(11).nextBytes(payload);
        try (Loopback link = Loopback.open()) {
            Session[] s = pair(link);
            Session client = s[0];
            CountDownLatch more = new CountDownLatch(1);
            JdkPeer.Running<Void> writer = JdkPeer.start(() -> {
                s[1].write(ByteBuffer.wrap(payload, 0, 2000));
                s[1].write(ByteBuffer.wrap(payload, 2000, 1));
                more.await(10, TimeUnit.SECONDS);
                s[1].write(ByteBuffer.wrap(payload, 2001, payload.length - 2001));
                return null;
            });
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            ByteBuffer one = ByteBuffer.allocate(1);
            int wouldBlock = 0;
            while (got.size() < payload.length) {
                one.clear();
                try {
                    int n = client.read(one);
                    assertEquals(1, n);
                    got.write(one.get(0));
                    if (got.size() == 2001) {
                        // the writer waits for us: nothing more is on its way, so this read must say
                        // would-block (checked before the writer goes on, so no scheduling can hide it)
                        one.clear();
                        GskException none = assertThrows(GskException.class, () -> client.read(one));
                        assertEquals(GskStatus.GSK_WOULD_BLOCK.code(), none.code(), none.getMessage());
                        wouldBlock++;
                        more.countDown();
                    }
                } catch (GskException e) {
                    assertEquals(GskStatus.GSK_WOULD_BLOCK.code(), e.code(), e.getMessage());
                    wouldBlock++;
                    poll(link.client, SelectionKey.OP_READ);
                }
            }
            writer.result();
            assertArrayEquals(payload, got.toByteArray());
            assertTrue(wouldBlock > 0, "the reader did get GSK_WOULD_BLOCK");
            s[1].close();
            client.close();
        }
    }

    @Test
    void aCallerThatPollsBeforeEveryReadChecksBytesBufferedFirst() throws Exception {
        byte[] payload = new byte[50_000];
        new Random(12).nextBytes(payload);
        try (Loopback link = Loopback.open()) {
            Session[] s = pair(link);
            Session client = s[0];
            assertEquals(0, client.bytesBuffered());
            // several records in one burst: after the first read the rest sits in gsk4j, not in the socket
            s[1].write(ByteBuffer.wrap(payload));
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            ByteBuffer chunk = ByteBuffer.allocate(100);
            while (got.size() < payload.length) {
                if (client.bytesBuffered() == 0) {
                    poll(link.client, SelectionKey.OP_READ);
                }
                chunk.clear();
                try {
                    int n = client.read(chunk);
                    got.write(chunk.array(), 0, n);
                } catch (GskException e) {
                    assertEquals(GskStatus.GSK_WOULD_BLOCK.code(), e.code()); // a record still on its way
                }
            }
            assertArrayEquals(payload, got.toByteArray());
            s[1].close(); // close_notify
            poll(link.client, SelectionKey.OP_READ);
            while (true) {
                try {
                    assertEquals(-1, client.read(chunk.clear()));
                    break;
                } catch (GskException e) {
                    assertEquals(GskStatus.GSK_WOULD_BLOCK.code(), e.code());
                    poll(link.client, SelectionKey.OP_READ);
                }
            }
            assertEquals(-1, client.bytesBuffered(), "end of stream is known without the socket");
            client.close();
        }
    }

    @Test
    void writesThatHitWouldBlockLoseAndRepeatNothing() throws Exception {
        byte[] payload = new byte[24 << 20]; // more than loopback's socket buffers hold
        new Random(13).nextBytes(payload);
        try (Loopback link = Loopback.open()) {
            Session[] s = pair(link);
            Session client = s[0];
            CountDownLatch blocked = new CountDownLatch(1);
            JdkPeer.Running<byte[]> reader = JdkPeer.start(() -> {
                blocked.await(20, TimeUnit.SECONDS); // read nothing until the writer has met a full socket
                ByteBuffer all = ByteBuffer.allocate(payload.length);
                while (all.hasRemaining()) {
                    if (s[1].read(all) < 0) {
                        break;
                    }
                }
                return all.array();
            });
            int off = 0;
            int wouldBlock = 0;
            while (off < payload.length) {
                try {
                    int n = client.write(payload, off, payload.length - off);
                    assertTrue(n > 0 && n <= payload.length - off);
                    off += n;
                } catch (GskException e) {
                    assertEquals(GskStatus.GSK_WOULD_BLOCK.code(), e.code(), e.getMessage());
                    wouldBlock++;
                    blocked.countDown();
                    poll(link.client, SelectionKey.OP_WRITE); // then the same call again, same data
                }
            }
            blocked.countDown();
            assertArrayEquals(payload, reader.result());
            assertTrue(wouldBlock > 0, "the writer did meet a full socket");
            client.close();
            s[1].close();
        }
    }

    @Test
    void readsOnAQuietNonBlockingSessionSayWouldBlockAndKeepTheSessionUsable() throws Exception {
        try (Loopback link = Loopback.open()) {
            Session[] s = pair(link);
            GskException e = assertThrows(GskException.class, () -> s[0].read(ByteBuffer.allocate(10)));
            assertEquals(GskStatus.GSK_WOULD_BLOCK.code(), e.code());
            assertEquals(SessionState.SECURE, s[0].state(), "not sticky");
            s[1].write(ByteBuffer.wrap(new byte[] {5}));
            poll(link.client, SelectionKey.OP_READ);
            ByteBuffer one = ByteBuffer.allocate(1);
            while (true) {
                try {
                    assertEquals(1, s[0].read(one));
                    break;
                } catch (GskException again) {
                    poll(link.client, SelectionKey.OP_READ);
                }
            }
            s[0].close();
            s[1].close();
        }
    }
}
