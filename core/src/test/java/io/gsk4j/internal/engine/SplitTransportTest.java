package io.gsk4j.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Loopback;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Random;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The driver fed through a transport that delivers the peer's records split at every byte
 * boundary (or in random pieces), with "would block" between the pieces, on both ends of a
 * real loopback connection and for both of the driver's modes: the handshake, many small
 * records that arrive coalesced in the kernel, a bulk transfer and close_notify all come
 * through byte-exact, and a read never returns more than one record's plaintext.
 */
class SplitTransportTest {
    private static final Ca CA = TestPki.rootCa("Split CA", KeyType.EC_P256);
    private static final Credential SERVER = CA.issueServer("localhost", KeyType.EC_P256, "localhost");
    private static final long WAIT_MILLIS = 20_000;
    private static final int RECORD = 37;
    private static final int RECORDS = 60;

    /** How a transport cuts the bytes. */
    enum Cut {
        /** One byte per call, "would block" on every other call. */
        EVERY_BYTE,
        /** Seeded random pieces of 1 to 300 bytes, "would block" on about a third of the calls. */
        RANDOM
    }

    static Stream<Arguments> cases() {
        return Stream.of("TLSv1.3", "TLSv1.2").flatMap(p -> Stream.of(Arguments.of(p, Cut.EVERY_BYTE), Arguments.of(p, Cut.RANDOM)));
    }

    /** Moves the bytes of {@code channel} in pieces; the channel itself still does the waiting. */
    static Transport cut(SocketChannel channel, Cut cut, long seed) {
        Random random = new Random(seed);
        return new Transport() {
            private boolean skip;

            private int piece(int remaining) {
                return Math.min(remaining, cut == Cut.EVERY_BYTE ? 1 : 1 + random.nextInt(300));
            }

            private boolean wouldBlock() {
                skip = cut == Cut.EVERY_BYTE ? !skip : random.nextInt(3) == 0;
                return skip;
            }

            @Override
            public int read(ByteBuffer dst) throws IOException {
                if (!dst.hasRemaining() || wouldBlock()) {
                    return 0;
                }
                ByteBuffer part = dst.duplicate().limit(dst.position() + piece(dst.remaining()));
                int n = channel.read(part);
                dst.position(part.position());
                return n;
            }

            @Override
            public int write(ByteBuffer src) throws IOException {
                if (!src.hasRemaining() || wouldBlock()) {
                    return 0;
                }
                ByteBuffer part = src.duplicate().limit(src.position() + piece(src.remaining()));
                int n = channel.write(part);
                src.position(part.position());
                return n;
            }
        };
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void recordsCutAnywhereComeThroughWhole(String protocol, Cut cut) throws Exception {
        SSLContext serverContext = JdkPeer.context(SERVER);
        SSLContext clientContext = JdkPeer.context(null, CA.certificate());
        try (Loopback link = Loopback.open()) {
            SSLEngine serverEngine = serverContext.createSSLEngine();
            serverEngine.setUseClientMode(false);
            serverEngine.setEnabledProtocols(new String[] {protocol});
            SSLEngine clientEngine = clientContext.createSSLEngine("localhost", 443);
            clientEngine.setUseClientMode(true);
            TlsDriver server = new TlsDriver(serverEngine, link.server, cut(link.server, cut, 1), null);
            TlsDriver client = new TlsDriver(clientEngine, link.client, cut(link.client, cut, 2), null);

            JdkPeer.Running<Void> serverSide = JdkPeer.start(() -> {
                server.handshake(deadline());
                return null;
            });
            client.handshake(deadline());
            serverSide.result();
            assertEquals(protocol, clientEngine.getSession().getProtocol());

            // many small records, all written before the client reads: coalesced in its socket
            byte[] small = bytes(RECORD * RECORDS, 3);
            for (int i = 0; i < RECORDS; i++) {
                writeAll(server, ByteBuffer.wrap(small, i * RECORD, RECORD));
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            ByteBuffer room = ByteBuffer.allocate(1000);
            while (got.size() < small.length) {
                room.clear();
                int n = client.read(room, deadline());
                assertTrue(n > 0 && n <= RECORD, "one record's plaintext per read, got " + n);
                got.write(room.array(), 0, n);
            }
            assertArrayEquals(small, got.toByteArray());

            // bulk the other way, read on the asynchronous path (NeedIo, then the socket's readiness)
            byte[] bulk = bytes(100_000, 4); // seven records of either protocol, up to 200,000 transport calls a side
            JdkPeer.Running<Void> writer = JdkPeer.start(() -> {
                writeAll(client, ByteBuffer.wrap(bulk));
                client.closeOutbound(deadline());
                return null;
            });
            byte[] received;
            try {
                received = receiveToEnd(server, link.server);
            } catch (AssertionError stalled) {
                try {
                    writer.result(); // why the writer stopped sending, if it did
                } catch (Throwable why) {
                    stalled.addSuppressed(why);
                }
                throw stalled;
            }
            assertArrayEquals(bulk, received);
            writer.result();

            server.close();
            client.close();
        }
    }

    private static Deadline deadline() {
        return Deadline.afterMillis(WAIT_MILLIS);
    }

    /**
     * In calls of at most 16 KiB, each with its own deadline: a blocking write takes all it is
     * given, and cut into single bytes a 300 KB call took about as long as the deadline on a
     * loaded machine (the whole case 18 s).
     * The deadline is there to turn a stall into a failure, not to time the transfer.
     */
    private static void writeAll(TlsDriver driver, ByteBuffer src) throws IOException {
        while (src.hasRemaining()) {
            ByteBuffer slice = src.slice();
            slice.limit(Math.min(slice.remaining(), 16 * 1024));
            driver.write(slice, deadline());
            src.position(src.position() + slice.position());
        }
    }

    /** The asynchronous read loop of an I/O thread, on one socket: receive until the end of stream. */
    private static byte[] receiveToEnd(TlsDriver driver, SocketChannel channel) throws Exception {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ByteBuffer room = ByteBuffer.allocate(20_000);
        try (Selector selector = Selector.open()) {
            while (true) {
                room.clear();
                int n;
                try {
                    n = driver.receive(room);
                } catch (NeedIo need) {
                    if (need.ops() != 0) {
                        SelectionKey key = channel.register(selector, need.ops());
                        assertTrue(selector.select(WAIT_MILLIS) > 0, "the socket never became ready: " + got.size() + " bytes so far");
                        selector.selectedKeys().clear();
                        key.interestOps(0);
                    }
                    continue;
                }
                if (n < 0) {
                    return got.toByteArray();
                }
                got.write(room.array(), 0, n);
            }
        }
    }

    private static byte[] bytes(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }
}
