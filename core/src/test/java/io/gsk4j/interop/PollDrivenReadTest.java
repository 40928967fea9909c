package io.gsk4j.interop;

import static io.gsk4j.interop.PeerProcess.args;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.Session;
import io.gsk4j.TlsProtocol;
import io.gsk4j.interop.GskSide.Options;
import io.gsk4j.interop.InteropPki.Material;
import io.gsk4j.interop.InteropPki.PeerFiles;
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A client that reads the way curl's GSKit backend and ILEvator do: on a non-blocking socket,
 * one {@code gsk_secure_soc_read} per readable event of the raw socket, never a read that
 * poll() did not announce. It gets every byte and the end of stream only if gsk4j never
 * keeps bytes the socket no longer shows: the peer is {@code openssl s_server -HTTP}, which
 * answers with the file, then close_notify, and leaves TCP open.
 */
class PollDrivenReadTest {
    /** How long a poll may wait for bytes that are on their way; a stall fails here. */
    private static final long POLL_MILLIS = 5000;

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        // 6,041 bytes in 512-byte records (curl stalled after the first record) and
        // 20,045 bytes in full records (curl stalled at 16,384)
        return Stream.of(TlsProtocol.TLSV13, TlsProtocol.TLSV12).flatMap(p -> Stream.of(
                Arguments.of(p, 6041, 512), Arguments.of(p, 20_045, 0)));
    }

    @ParameterizedTest(name = "{0}, {1}-byte body, max_send_frag {2}")
    @MethodSource("cases")
    void aClientThatReadsOnlyWhenPollSaysReadableGetsEveryByteAndTheEnd(TlsProtocol protocol, int size, int fragment)
            throws Exception {
        Peers.assume(Peers.OPENSSL);
        Material m = InteropPki.of(KeyType.EC_P256);
        PeerFiles f = m.write(dir);
        // -HTTP sends the file as the whole response, status line and headers included
        byte[] response = concat("HTTP/1.0 200 ok\r\nContent-type: text/plain\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                text(size, size));
        Files.write(dir.resolve("body.txt"), response);
        try (PeerServer server = PeerServer.start("s_server", dir, port -> args(
                Peers.OPENSSL, "s_server", "-accept", "127.0.0.1:" + port, "-naccept", "1",
                "-cert", f.serverLeaf(), "-cert_chain", f.issuing(), "-key", f.serverKey(),
                OpenSsl.versionFlag(protocol), fragment > 0 ? List.of("-max_send_frag", fragment) : null, "-HTTP"))) {
            Environment env = GskSide.client(dir, "client", null, m.root().certificate(), Options.of(protocol));
            try (SocketChannel ch = GskSide.connect(server.port, server.process); Selector poll = Selector.open()) {
                ch.configureBlocking(false); // as curl: non-blocking from connect on
                Session s = GskSide.open(env, ch);
                s.handshake(); // waits, bounded, even on a non-blocking socket
                ch.register(poll, SelectionKey.OP_READ);
                writeAll(s, ch, "GET /body.txt HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

                assertArrayEquals(response, readToEndOnPollEvents(s, poll), "every byte, then the end of stream");
                s.close();
            }
        }
    }

    /** One read per readable event; returns everything read before the end of stream. */
    private static byte[] readToEndOnPollEvents(Session s, Selector poll) throws Exception {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(16_384);
        while (true) {
            int got0 = got.size();
            assertTrue(poll.select(POLL_MILLIS) > 0, () -> "poll() never said readable after " + got0
                    + " bytes: gsk4j holds what the socket no longer shows");
            poll.selectedKeys().clear();
            buffer.clear();
            int n;
            try {
                n = s.read(buffer);
            } catch (GskException e) {
                assertEquals(GskStatus.GSK_WOULD_BLOCK.code(), e.code(), e.getMessage()); // part of a record so far
                continue;
            }
            if (n < 0) {
                return got.toByteArray();
            }
            got.write(buffer.array(), 0, n);
        }
    }

    private static void writeAll(Session s, SocketChannel ch, byte[] data) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(data);
        try (Selector writable = Selector.open()) {
            ch.register(writable, SelectionKey.OP_WRITE);
            while (b.hasRemaining()) {
                try {
                    s.write(b);
                } catch (GskException e) {
                    assertEquals(GskStatus.GSK_WOULD_BLOCK.code(), e.code(), e.getMessage());
                    assertTrue(writable.select(POLL_MILLIS) > 0, "the socket never became writable");
                    writable.selectedKeys().clear();
                }
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Printable lines, so that s_server's text mode changes nothing. */
    private static byte[] text(int length, long seed) {
        Random r = new Random(seed);
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i % 64 == 63 ? '\n' : 'a' + r.nextInt(26));
        }
        return b;
    }
}
