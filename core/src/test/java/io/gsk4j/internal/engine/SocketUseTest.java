package io.gsk4j.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Loopback;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

/**
 * What the driver does to the program's socket, counted on a real loopback connection:
 * a 16 KiB write leaves in one write(2); a read takes exactly one record off the socket and
 * nothing beyond it, however many are queued; a read that has part of a record waits no
 * longer than its deadline; and an interrupt arriving while data flows never closes the
 * program's socket (the reason every transfer runs with the channel non-blocking: a
 * blocking channel operation is closed by an interrupt, see {@link ChannelMode}).
 */
class SocketUseTest {
    private static final Ca CA = TestPki.rootCa("Socket use CA", KeyType.EC_P256);
    private static final Credential SERVER = CA.issueServer("localhost", KeyType.EC_P256, "localhost");
    private static final long WAIT_MILLIS = 20_000;

    /** A transport over the real channel that remembers the size of every transfer that moved bytes. */
    static final class Counting implements Transport {
        private final SocketChannel channel;
        final List<Integer> writes = new ArrayList<>();
        final List<Integer> reads = new ArrayList<>();
        /** While set, writes take nothing ("would block"), as a full socket would. */
        volatile boolean full;
        /** Transfers made while the channel was in blocking mode: an interrupt there would close it. */
        int blockingTransfers;

        Counting(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public synchronized int read(ByteBuffer dst) throws IOException {
            blockingTransfers += channel.isBlocking() ? 1 : 0;
            int n = channel.read(dst);
            if (n > 0) {
                reads.add(n);
            }
            return n;
        }

        @Override
        public synchronized int write(ByteBuffer src) throws IOException {
            blockingTransfers += channel.isBlocking() ? 1 : 0;
            if (full) {
                return 0;
            }
            int n = channel.write(src);
            if (n > 0) {
                writes.add(n);
            }
            return n;
        }

        synchronized void forget() {
            writes.clear();
            reads.clear();
        }
    }

    /** Two drivers with a finished TLS 1.3 handshake over one loopback connection. */
    private static final class Pair implements AutoCloseable {
        final Loopback link;
        final Counting clientWire;
        final Counting serverWire;
        final TlsDriver client;
        final TlsDriver server;
        final SSLEngine serverEngine;

        Pair() throws Exception {
            this(false);
        }

        /** @param modePerSession the channel is held non-blocking for the session (GSK4J_BLOCKING_MODE_SWITCH) */
        Pair(boolean modePerSession) throws Exception {
            link = Loopback.open();
            SSLContext serverContext = JdkPeer.context(SERVER);
            SSLContext clientContext = JdkPeer.context(null, CA.certificate());
            serverEngine = serverContext.createSSLEngine();
            serverEngine.setUseClientMode(false);
            serverEngine.setEnabledProtocols(new String[] {"TLSv1.3"});
            SSLEngine clientEngine = clientContext.createSSLEngine("localhost", 443);
            clientEngine.setUseClientMode(true);
            clientWire = new Counting(link.client);
            serverWire = new Counting(link.server);
            client = new TlsDriver(clientEngine, link.client, clientWire, null, modePerSession);
            server = new TlsDriver(serverEngine, link.server, serverWire, null, modePerSession);
            JdkPeer.Running<Void> serverSide = JdkPeer.start(() -> {
                server.handshake(deadline());
                return null;
            });
            client.handshake(deadline());
            serverSide.result();
            // the server's session tickets arrive with the first read: take them now, so that a
            // test counts only its own records
            server.write(ByteBuffer.wrap(new byte[] {1}), deadline());
            assertEquals(1, client.read(ByteBuffer.allocate(10), deadline()));
            clientWire.forget();
            serverWire.forget();
        }

        @Override
        public void close() throws IOException {
            assertEquals(0, clientWire.blockingTransfers + serverWire.blockingTransfers,
                    "every transfer runs with the channel non-blocking");
            client.close();
            server.close();
            link.close();
        }
    }

    @Test
    void a16KiBWriteLeavesInOneSocketWrite() throws Exception {
        try (Pair pair = new Pair()) {
            byte[] data = bytes(16_384, 1);
            JdkPeer.Running<byte[]> reader = JdkPeer.start(() -> readExactly(pair.server, data.length));
            assertEquals(data.length, pair.client.write(ByteBuffer.wrap(data), deadline()));
            assertArrayEquals(data, reader.result());
            assertEquals(1, pair.clientWire.writes.size(),
                    "the records of one 16 KiB write (the JDK seals two) go out together: " + pair.clientWire.writes);
        }
    }

    @Test
    void aNonBlockingCallerWhoseSocketFillsMidWriteLosesAndRepeatsNothing() throws Exception {
        try (Pair pair = new Pair()) {
            byte[] data = bytes(40_000, 2);
            pair.link.client.configureBlocking(false);
            pair.clientWire.full = true;
            ByteBuffer src = ByteBuffer.wrap(data);
            // nothing can leave: the records sealed for this call wait, and the call says so
            GskException e = assertThrows(GskException.class, () -> pair.client.write(src, deadline()));
            assertEquals(GskStatus.GSK_WOULD_BLOCK.code(), e.code());
            assertEquals(0, src.position(), "no byte is reported before its record is on the wire");
            pair.clientWire.full = false;
            // the program calls again with the same data until all of it is taken
            JdkPeer.Running<byte[]> reader = JdkPeer.start(() -> readExactly(pair.server, data.length));
            while (src.hasRemaining()) {
                int n = pair.client.write(src, deadline());
                assertTrue(n > 0, "a write that can send reports what it sent");
            }
            assertArrayEquals(data, reader.result(), "every byte arrives once, in order");
        }
    }

    @Test
    void aReadTakesItsRecordAndNotOneByteBeyond() throws Exception {
        try (Pair pair = new Pair()) {
            int[] sizes = {1, 700, 16_000, 5, 3_000, 12_000, 2}; // each fits one record
            byte[] data = bytes(java.util.Arrays.stream(sizes).sum(), 3);
            int offset = 0;
            for (int size : sizes) { // one record each, sent before the client reads any
                pair.server.write(ByteBuffer.wrap(data, offset, size), deadline());
                offset += size;
            }
            List<Integer> wire = new ArrayList<>(pair.serverWire.writes);
            assertEquals(sizes.length, wire.size(), "one write(2) per record on the server: " + wire);
            InputStream kernel = pair.link.client.socket().getInputStream(); // available() is FIONREAD
            int queued = wire.stream().mapToInt(Integer::intValue).sum();
            awaitQueued(kernel, queued);

            ByteArrayOutputStream got = new ByteArrayOutputStream();
            ByteBuffer room = ByteBuffer.allocate(20_000);
            for (int i = 0; i < sizes.length; i++) {
                room.clear();
                assertEquals(sizes[i], pair.client.read(room, deadline()), "record " + i + "'s plaintext, no more");
                got.write(room.array(), 0, sizes[i]);
                queued -= wire.get(i);
                assertEquals(queued, kernel.available(), "after record " + i + " every later record is still in the kernel");
            }
            assertArrayEquals(data, got.toByteArray());
        }
    }

    @Test
    void aProgramReadingARecordInPiecesTakesItOffTheSocketOnceAndKeepsItsMode() throws Exception {
        try (Pair pair = new Pair()) {
            byte[] data = bytes(16_000, 6);
            pair.server.write(ByteBuffer.wrap(data), deadline());
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            ByteBuffer room = ByteBuffer.allocate(1_000);
            while (got.size() < data.length) {
                room.clear();
                int n = pair.client.read(room, deadline());
                got.write(room.array(), 0, n);
                assertTrue(pair.link.client.isBlocking(), "between calls the socket is in the program's mode");
            }
            assertArrayEquals(data, got.toByteArray());
            assertEquals(1, pair.serverWire.writes.size(), "one record");
            assertEquals(List.of(5, pair.serverWire.writes.get(0) - 5), pair.clientWire.reads,
                    "the record's header, then its body; the later pieces come from what was decrypted");
        }
    }

    @Test
    void aBlockingReadWithHalfARecordEndsAtItsDeadline() throws Exception {
        try (Pair pair = new Pair()) {
            assertTrue(pair.link.client.isBlocking());
            // a real record, of which the peer sends the header and half the body only
            ByteBuffer record = ByteBuffer.allocate(pair.serverEngine.getSession().getPacketBufferSize());
            pair.serverEngine.wrap(ByteBuffer.wrap(bytes(4_000, 4)), record);
            record.flip().limit(record.limit() / 2);
            while (record.hasRemaining()) {
                pair.link.server.write(record);
            }
            awaitQueued(pair.link.client.socket().getInputStream(), record.limit());
            long millis = 300;
            long start = System.nanoTime();
            GskException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(GskException.class,
                    () -> pair.client.read(ByteBuffer.allocate(16_384), Deadline.afterMillis(millis))));
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(GskStatus.GSK_IBMI_ERROR_TIMED_OUT.code(), e.code());
            assertTrue(took >= millis - 20, "ended at its deadline, not before: " + took + " ms");
            assertTrue(pair.link.client.isOpen() && pair.link.client.isBlocking(), "the socket is the program's as before");
        }
    }

    @Test
    void interruptsWhileDataFlowsNeverCloseTheProgramsSocket() throws Exception {
        interruptTheReaderWhileDataFlows(false);
    }

    @Test
    void interruptsWhileDataFlowsNeverCloseTheProgramsSocketWithTheModeHeldPerSession() throws Exception {
        interruptTheReaderWhileDataFlows(true);
    }

    private static void interruptTheReaderWhileDataFlows(boolean modePerSession) throws Exception {
        try (Pair pair = new Pair(modePerSession)) {
            AtomicBoolean stop = new AtomicBoolean();
            JdkPeer.Running<Void> writer = JdkPeer.start(() -> {
                long position = 0;
                byte[] chunk = new byte[16_384];
                while (!stop.get()) {
                    for (int i = 0; i < chunk.length; i++) {
                        chunk[i] = pattern(position + i);
                    }
                    ByteBuffer src = ByteBuffer.wrap(chunk);
                    while (src.hasRemaining()) {
                        pair.server.write(src, deadline());
                    }
                    position += chunk.length;
                }
                pair.server.closeOutbound(deadline());
                return null;
            });
            int[] eintr = new int[1];
            CompletableFuture<Long> read = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    long position = 0;
                    ByteBuffer room = ByteBuffer.allocate(16_384);
                    while (true) {
                        room.clear();
                        int n;
                        try {
                            n = pair.client.read(room, deadline());
                        } catch (GskException x) {
                            if (x.errno().orElse(null) != Errno.EINTR) {
                                throw x;
                            }
                            eintr[0]++; // the C-style retry of the same call
                            continue;
                        }
                        if (n < 0) {
                            break;
                        }
                        // a program that takes note of an interrupt between its reads (and clears it)
                        // goes on reading: the next interrupt then finds it inside a read
                        Thread.interrupted();
                        for (int i = 0; i < n; i++) {
                            if (room.get(i) != pattern(position + i)) {
                                throw new AssertionError("byte " + (position + i) + " is wrong");
                            }
                        }
                        position += n;
                    }
                    read.complete(position);
                } catch (Throwable t) {
                    read.completeExceptionally(t);
                }
            }, "interrupted-reader");
            // the reader starts behind: whole records wait in the kernel, as in a bulk download
            awaitQueued(pair.link.client.socket().getInputStream(), 64 << 10);
            reader.start();
            int interrupts = 0;
            // interrupt the reader while data flows (the writer keeps sending until enough were sent)
            while (interrupts < 300 && !read.isDone()) {
                reader.interrupt();
                interrupts++;
                LockSupport.parkNanos(20_000); // pacing, not waiting for an event
            }
            stop.set(true);
            long got = read.get(30, TimeUnit.SECONDS);
            writer.result();
            assertTrue(pair.link.client.isOpen(), "an interrupt must not close the program's socket");
            assertEquals(0, pair.clientWire.blockingTransfers, "every transfer ran with the channel non-blocking");
            assertEquals(300, interrupts, "the reader was interrupted while it read (" + eintr[0] + " EINTR)");
            assertTrue(got > 0);
        }
    }

    private static byte pattern(long position) {
        return (byte) (position % 251);
    }

    private static void awaitQueued(InputStream kernel, int bytes) throws IOException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (kernel.available() < bytes) {
            assertTrue(System.nanoTime() < end, "the peer's bytes never arrived: " + kernel.available() + " of " + bytes);
            Thread.onSpinWait();
        }
    }

    private static byte[] readExactly(TlsDriver driver, int length) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ByteBuffer room = ByteBuffer.allocate(16_384);
        while (got.size() < length) {
            room.clear();
            int n = driver.read(room, deadline());
            if (n < 0) {
                throw new IOException("end of stream after " + got.size() + " bytes");
            }
            got.write(room.array(), 0, n);
        }
        return got.toByteArray();
    }

    private static Deadline deadline() {
        return Deadline.afterMillis(WAIT_MILLIS);
    }

    private static byte[] bytes(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }
}
