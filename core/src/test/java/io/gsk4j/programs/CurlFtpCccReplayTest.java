package io.gsk4j.programs;

import static io.gsk4j.programs.CurlGskit.CURLE_AGAIN;
import static io.gsk4j.programs.CurlGskit.CURLE_OK;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gsk4j.TlsProtocol;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.SharedState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * FTP with a cleared command channel: curl 8.2.1 ({@code --ftp-ssl-ccc --ftp-ssl-ccc-mode
 * active}) over its GSKit backend. After the server's 200 reply to CCC, curl's
 * gskit_shutdown() calls gsk_secure_soc_close() and then reads the server's close_notify raw
 * from the socket (it cannot use gsk_secure_soc_read any more), waiting up to 10 s for it to
 * become readable; the control connection then goes on in cleartext. FTPAPI has no CCC
 * (its ftptcp_downgrade is only gsk_secure_soc_close when a data channel ends), so curl is
 * the FTP client replayed here. The server is the JDK's SSLEngine: openssl cannot return to
 * cleartext.
 */
@ResourceLock(SharedState.COMPLETION_PORTS) // CurlGskit may open a completion port
class CurlFtpCccReplayTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = TlsProtocol.class, names = {"TLSV13", "TLSV12"})
    void afterCccTheServersCloseNotifyAndTheCleartextAreOnTheSocket(TlsProtocol p) throws Exception {
        SSLContext ctx = JdkPeer.context(ReplayPki.GOOD, ReplayPki.ROOT.certificate());
        try (ServerSocketChannel listener = Loopback.listen();
             SocketChannel sock = SocketChannel.open(listener.getLocalAddress())) {
            FtpControlServer[] server = new FtpControlServer[1];
            JdkPeer.Running<String> peer = JdkPeer.start(() -> {
                try (SocketChannel accepted = listener.accept()) {
                    server[0] = new FtpControlServer(ctx, accepted, p.jdkName());
                    return server[0].run();
                }
            });
            sock.configureBlocking(false); // curl's sockets are non-blocking
            assertTimeoutPreemptively(Duration.ofSeconds(40), () -> {
                assertTrue(readRawLine(sock).startsWith("220 "));
                writeRaw(sock, "AUTH TLS\r\n");
                assertTrue(readRawLine(sock).startsWith("234 "));

                CurlGskit curl = new CurlGskit(sock);
                curl.caFile = ReplayPki.trustStore(dir).toString();
                curl.keyPasswd = ReplayPki.PASSWORD;
                assertEquals(CURLE_OK, curl.connect());
                int[] code = {0};
                byte[] ccc = "CCC\r\n".getBytes(StandardCharsets.US_ASCII);
                assertEquals(ccc.length, curl.send(ccc, ccc.length, code));
                assertEquals("200 CCC command successful\r\n", readSecureLine(curl, sock));

                assertEquals(0, curl.shutdown(), "gskit_shutdown");
                assertEquals(0, curl.closeRc, "gsk_secure_soc_close");
                assertArrayEquals(server[0].closeNotifyRecord, curl.afterClose.toByteArray(),
                        "curl's raw read after gsk_secure_soc_close finds exactly the server's close_notify");

                writeRaw(sock, "PWD\r\n");
                assertEquals("257 \"/\" is the current directory\r\n", readRawLine(sock));
            });
            assertEquals("PWD\r\n", peer.result(), "the server read the next command in cleartext");
        }
    }

    /** curl's pingpong reading one reply line over TLS: poll, one recv, again. */
    private static String readSecureLine(CurlGskit curl, SocketChannel sock) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[16_384];
        while (got.toString(StandardCharsets.US_ASCII).indexOf('\n') < 0) {
            if (Net.pollIn(sock, 5_000) == 0) {
                fail("no reply readable within 5 s after " + got.size() + " bytes");
            }
            int[] code = {0};
            int n = curl.recv(buf, code);
            if (n < 0) {
                assertEquals(CURLE_AGAIN, code[0]);
                continue;
            }
            assertTrue(n > 0, "the server ended the session before its reply");
            got.write(buf, 0, n);
        }
        return got.toString(StandardCharsets.US_ASCII);
    }

    private static String readRawLine(SocketChannel sock) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (!line.toString(StandardCharsets.US_ASCII).endsWith("\n")) {
            if (Net.pollIn(sock, 5_000) == 0) {
                fail("nothing readable within 5 s after " + line);
            }
            one.clear();
            if (sock.read(one) < 0) {
                fail("the server closed the connection after " + line);
            }
            line.write(one.array(), 0, one.position());
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static void writeRaw(SocketChannel sock, String text) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        while (b.hasRemaining()) {
            if (sock.write(b) == 0) {
                Net.poll(sock, java.nio.channels.SelectionKey.OP_WRITE, 5_000);
            }
        }
    }
}
