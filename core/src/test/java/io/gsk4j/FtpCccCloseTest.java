package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.MiscId;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * FTP's CCC (RFC 4217): the control connection leaves TLS and goes on in the clear. The
 * server answers "200", sends its close_notify at once (as ProFTPD does), waits for the
 * client's, then talks in the clear. A client such as curl reads the 200 with
 * {@code gsk_secure_soc_read}, calls {@code gsk_secure_soc_close} and then reads the socket
 * itself: it must find there the server's close_notify and the cleartext after it, every
 * byte, because gsk4j took nothing off the socket it did not need. The server is the JDK's
 * SSLSocket layered on a plain socket, which stays open when TLS ends.
 */
class FtpCccCloseTest {
    private static final byte[] CCC = "CCC\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OK = "200 CCC command successful\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLEAR = "220 now in the clear\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int CONTENT_ALERT = 21;
    private static final int CONTENT_APPLICATION_DATA = 23;

    @TempDir
    Path dir;

    private Ca ca;
    private Credential serverKey;

    @BeforeEach
    void pki() {
        ca = TestPki.rootCa("CCC CA", KeyType.EC_P256);
        serverKey = ca.issueServer("localhost", KeyType.EC_P256, "localhost");
    }

    enum Ending {
        /** curl's CCC: gsk_secure_soc_close, then raw reads. */
        SOC_CLOSE,
        /** gsk_secure_soc_misc(GSK_CLOSE_NOTIFY), then reads to the server's close_notify, then raw reads. */
        CLOSE_NOTIFY_THEN_READ
    }

    @ParameterizedTest
    @EnumSource(Ending.class)
    void afterTls13EndsTheServersCloseNotifyAndCleartextAreOnTheSocket(Ending ending) throws Exception {
        afterTlsEnds(TlsProtocol.TLSV13, ending);
    }

    @ParameterizedTest
    @EnumSource(Ending.class)
    void afterTls12EndsTheServersCloseNotifyAndCleartextAreOnTheSocket(Ending ending) throws Exception {
        afterTlsEnds(TlsProtocol.TLSV12, ending);
    }

    private void afterTlsEnds(TlsProtocol protocol, Ending ending) throws Exception {
        SSLContext serverContext = JdkPeer.context(serverKey);
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "client", null, ca.certificate()));
        env.set(protocol == TlsProtocol.TLSV13 ? EnumAttribute.GSK_PROTOCOL_TLSV12 : EnumAttribute.GSK_PROTOCOL_TLSV13,
                EnumValue.GSK_FALSE);
        env.init();
        CountDownLatch closeNotifySent = new CountDownLatch(1);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                SocketChannel ch = SocketChannel.open(listener.getLocalSocketAddress())) {
            JdkPeer.Running<Void> server = JdkPeer.start(() -> {
                try (Socket plain = listener.accept()) {
                    SSLSocket tls = (SSLSocket) serverContext.getSocketFactory().createSocket(plain, "localhost", 0, false);
                    tls.setUseClientMode(false);
                    tls.setEnabledProtocols(new String[] {protocol.jdkName()});
                    InputStream in = tls.getInputStream();
                    assertArrayEquals(CCC, in.readNBytes(CCC.length));
                    OutputStream out = tls.getOutputStream();
                    out.write(OK);
                    out.flush();
                    tls.shutdownOutput(); // our close_notify, right behind the reply
                    closeNotifySent.countDown();
                    // the client's close_notify: one record, read in the clear
                    InputStream raw = plain.getInputStream();
                    byte[] header = raw.readNBytes(5);
                    int length = ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
                    raw.readNBytes(length);
                    plain.getOutputStream().write(CLEAR);
                    plain.getOutputStream().flush();
                }
                return null;
            });
            Session s = env.openSession();
            s.attach(ch);
            s.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
            s.set(NumericAttribute.GSK_IBMI_READ_TIMEOUT, 10_000);
            s.handshake();
            assertEquals(protocol, s.protocol().orElseThrow());
            s.write(ByteBuffer.wrap(CCC));
            // the hard case, and ProFTPD's: reply and close_notify are both here before the client reads
            assertTrue(closeNotifySent.await(10, TimeUnit.SECONDS), "the server never sent its close_notify");
            assertArrayEquals(OK, readLine(s), "the server's reply, read with gsk_secure_soc_read");

            byte[] expectedTail;
            if (ending == Ending.SOC_CLOSE) {
                s.close();
                expectedTail = null; // the server's close_notify comes first
            } else {
                s.misc(MiscId.GSK_CLOSE_NOTIFY);
                assertEquals(-1, s.read(ByteBuffer.allocate(100)), "the server's close_notify ends the stream");
                s.close();
                expectedTail = CLEAR;
            }
            assertTrue(ch.isBlocking(), "close hands the socket back as it was given");
            byte[] raw = readRawUntilEndOfStream(ch);
            server.result();

            if (expectedTail != null) {
                assertArrayEquals(expectedTail, raw, "after the close_notify gsk4j read, the cleartext and nothing else");
                return;
            }
            // one record (the close_notify), then the cleartext: every byte the server sent after its reply
            assertTrue(raw.length > 5, () -> "only " + raw.length + " bytes on the socket");
            int type = raw[0] & 0xFF;
            int length = ((raw[3] & 0xFF) << 8) | (raw[4] & 0xFF);
            assertEquals(protocol == TlsProtocol.TLSV13 ? CONTENT_APPLICATION_DATA : CONTENT_ALERT, type,
                    "the record on the socket is the server's close_notify");
            assertArrayEquals(CLEAR, Arrays.copyOfRange(raw, 5 + length, raw.length),
                    "the cleartext follows the close_notify record exactly");
        }
    }

    /** gsk_secure_soc_read until a line ends, in whatever pieces it comes. */
    private static byte[] readLine(Session s) throws GskException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.allocate(16_384); // room for much more than the reply: nothing more may be taken
        while (line.size() < 2 || line.toByteArray()[line.size() - 1] != '\n') {
            b.clear();
            int n = s.read(b);
            assertTrue(n > 0, "the stream ended before the reply");
            line.write(b.array(), 0, n);
        }
        return line.toByteArray();
    }

    /** Reads the plain socket to its end, bounded: a missing byte fails here rather than hanging. */
    private static byte[] readRawUntilEndOfStream(SocketChannel ch) throws Exception {
        ch.configureBlocking(false);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        ByteBuffer b = ByteBuffer.allocate(4096);
        try (Selector poll = Selector.open()) {
            ch.register(poll, SelectionKey.OP_READ);
            while (true) {
                assertTrue(poll.select(5000) > 0, () -> "the socket went quiet after " + raw.size() + " raw bytes");
                poll.selectedKeys().clear();
                b.clear();
                int n = ch.read(b);
                if (n < 0) {
                    return raw.toByteArray();
                }
                raw.write(b.array(), 0, n);
            }
        }
    }
}
