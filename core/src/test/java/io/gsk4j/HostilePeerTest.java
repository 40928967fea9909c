package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.support.Engines;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peers that answer a gsk4j client with something other than a proper handshake: hand-made
 * bytes on a real socket, and JDK peers configured to insist on what we switched off.
 */
class HostilePeerTest {
    @TempDir
    Path dir;

    private Ca ca;
    private Path clientStore;

    @BeforeEach
    void pki() {
        ca = TestPki.rootCa("Hostile CA", KeyType.EC_P256);
        clientStore = Stores.pkcs12(dir, "client", null, ca.certificate());
    }

    /** Our client's status when the peer reads the ClientHello and answers with {@code reply}. */
    private GskException clientFacing(String replyHex) throws Exception {
        Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        try (Loopback link = Loopback.open()) {
            Session session = env.openSession();
            session.attach(link.client);
            session.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 10);
            JdkPeer.Running<Void> peer = JdkPeer.start(() -> {
                link.server.read(ByteBuffer.allocate(4096));
                link.server.write(ByteBuffer.wrap(HexFormat.of().parseHex(replyHex)));
                return null;
            });
            GskException e = assertThrows(GskException.class, session::handshake);
            peer.result();
            session.close();
            return e;
        }
    }

    @Test
    void aServerHelloTooShortToHoldItsFieldsIsABadMessage() throws Exception {
        // a handshake record carrying a ServerHello whose body is only the version
        assertEquals(GskStatus.GSK_ERROR_BAD_MESSAGE.code(), clientFacing("160303000602000002" + "0303").code());
    }

    @Test
    void aRecordLongerThanTlsAllowsIsABadMessage() throws Exception {
        Engines.assumeNotBoringSsl(Engines.OVERLONG_RECORD);
        // a record header announcing 65 000 bytes: no TLS record may be that long
        assertEquals(GskStatus.GSK_ERROR_BAD_MESSAGE.code(), clientFacing("160303FDE8" + "00".repeat(16)).code());
    }

    @Test
    void applicationDataBeforeTheHandshakeIsABadMessage() throws Exception {
        // the JDK cannot tell this from a peer that does not speak TLS at all, and neither do we
        assertEquals(GskStatus.GSK_ERROR_BAD_MESSAGE.code(), clientFacing("17030300050102030405").code());
    }

    @Test
    void aServerChoosingASuiteWeDidNotOfferIsABadPeer() throws Exception {
        // a well-formed TLS 1.2 ServerHello that picks TLS_RSA_WITH_RC4_128_SHA (0x0005), never offered
        String hello = "0303" + "11".repeat(32) + "00" + "0005" + "00" + "0000";
        GskException e = clientFacing("160303002C" + "02000028" + hello);
        assertEquals(GskStatus.GSK_ERROR_BAD_PEER.code(), e.code(), e.getMessage());
    }

    @Test
    void aFatalAlertInsteadOfAServerHelloIsABadPeer() throws Exception {
        // alert record: fatal (2), unexpected_message (10)
        assertEquals(GskStatus.GSK_ERROR_BAD_PEER.code(), clientFacing("1503030002020A").code());
    }

    @Test
    void aPeerTricklingOneByteASecondTimesOut() throws Exception {
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        env.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 2);
        env.init();
        try (Loopback link = Loopback.open()) {
            Session session = env.openSession();
            session.attach(link.client);
            JdkPeer.Running<Integer> peer = JdkPeer.start(() -> {
                link.server.read(ByteBuffer.allocate(4096));
                byte[] header = HexFormat.of().parseHex("1603030FA0020000");
                int sent = 0;
                try {
                    for (byte b : header) {
                        link.server.write(ByteBuffer.wrap(new byte[] {b}));
                        sent++;
                        Thread.sleep(1000);
                    }
                } catch (java.io.IOException closedByTheTest) {
                    // the session gave up and the test closed the link
                }
                return sent;
            });
            long started = System.nanoTime();
            GskException e = assertThrows(GskException.class, session::handshake);
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertEquals(GskStatus.GSK_IBMI_ERROR_TIMED_OUT.code(), e.code());
            // progress does not extend the deadline: bytes kept coming, yet it ended after about 2 s
            assertTrue(waited >= 1900 && waited < 5000, "waited " + waited + " ms");
            session.close();
            link.close();
            assertTrue(peer.result() >= 2, "the peer was still trickling");
        }
    }

    @Test
    void aServerThatInsistsOnAProtocolWeSwitchedOff() throws Exception {
        Credential server = ca.issueServer("localhost", KeyType.EC_P256, "localhost");
        SSLContext jdk = JdkPeer.context(server);
        try (SSLServerSocket listener = (SSLServerSocket) jdk.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setEnabledProtocols(new String[] {"TLSv1.2"});
            JdkPeer.Running<String> peer = JdkPeer.start(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.startHandshake();
                    return "completed";
                } catch (java.io.IOException e) {
                    return String.valueOf(e.getMessage());
                }
            });
            Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
            env.set(EnumAttribute.GSK_PROTOCOL_TLSV12, EnumValue.GSK_FALSE);
            env.init();
            try (SocketChannel ch = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    listener.getLocalPort()))) {
                Session session = env.openSession();
                session.attach(ch);
                GskException e = assertThrows(GskException.class, session::handshake);
                assertEquals(GskStatus.GSK_ERROR_UNSUPPORTED.code(), e.code(), e.getMessage());
                session.close();
            }
            assertNotNull(peer.result());
        }
    }

    @Test
    void aClientThatInsistsOnAProtocolWeSwitchedOff() throws Exception {
        Credential server = ca.issueServer("localhost", KeyType.EC_P256, "localhost");
        Path serverStore = Stores.pkcs12(dir, "server", server, ca.certificate());
        Environment env = Stores.environment(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
        env.set(EnumAttribute.GSK_PROTOCOL_TLSV12, EnumValue.GSK_FALSE);
        env.init();
        SSLContext jdk = JdkPeer.context(null, ca.certificate());
        try (ServerSocketChannel listener = Loopback.listen()) {
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            JdkPeer.Running<String> peer = JdkPeer.start(() -> {
                try (SSLSocket s = (SSLSocket) jdk.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
                    s.setEnabledProtocols(new String[] {"TLSv1.2"});
                    s.startHandshake();
                    return "completed";
                } catch (java.io.IOException e) {
                    return String.valueOf(e.getMessage());
                }
            });
            try (SocketChannel ch = listener.accept()) {
                Session session = env.openSession();
                session.attach(ch);
                GskException e = assertThrows(GskException.class, session::handshake);
                assertEquals(GskStatus.GSK_ERROR_UNSUPPORTED.code(), e.code(), e.getMessage());
                session.close();
            }
            String seen = peer.result();
            assertTrue(seen.contains("protocol_version"), "the client heard: " + seen);
        }
    }
}
