package io.gsk4j.interop;

import static io.gsk4j.interop.PeerProcess.args;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.Session;
import io.gsk4j.TlsProtocol;
import io.gsk4j.attr.MiscId;
import io.gsk4j.interop.GskSide.Options;
import io.gsk4j.interop.InteropPki.Material;
import io.gsk4j.interop.InteropPki.PeerFiles;
import io.gsk4j.support.Engines;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Loopback;
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * gsk_secure_soc_misc(GSK_RESET_CIPHER / _WITHNEWSESSION): IBM renegotiates, so gsk4j does,
 * against openssl (its {@code -msg} output shows what crossed the wire) and the JDK's own
 * SSLSocket: a TLS 1.3 key update, a TLS 1.2 secure renegotiation, a full handshake when a
 * new session is asked for, a refusal with the peer's reason, and data flowing afterwards.
 */
class ResetCipherTest {
    private static final Duration PEER_WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private Material m;
    private PeerFiles files;

    @BeforeEach
    void pki() {
        m = InteropPki.of(KeyType.EC_P256);
        files = m.write(dir);
    }

    private PeerServer openSslServer(TlsProtocol p, String... extra) throws Exception {
        Peers.assume(Peers.OPENSSL);
        return PeerServer.start("s_server", dir, port -> args(Peers.OPENSSL, "s_server", "-accept", "127.0.0.1:" + port,
                "-naccept", "1", "-cert", files.serverLeaf(), "-cert_chain", files.issuing(), "-key", files.serverKey(),
                OpenSsl.versionFlag(p), "-msg", java.util.List.of(extra)));
    }

    private Session client(SocketChannel ch, TlsProtocol p) throws Exception {
        Environment env = GskSide.client(dir, "client", null, m.root().certificate(), Options.of(p));
        Session s = GskSide.open(env, ch);
        env.close();
        s.handshake();
        return s;
    }

    /** One line each way through openssl s_server: written by us, printed by it; fed to it, read by us. */
    private static void roundTrip(Session s, PeerServer srv, String tag) throws Exception {
        GskSide.writeLine(s, "to-server-" + tag);
        assertTrue(srv.process.awaitOutput(o -> o.contains("to-server-" + tag), PEER_WAIT), srv.process::describe);
        byte[] line = ("to-client-" + tag + "\n").getBytes(StandardCharsets.US_ASCII);
        srv.process.feed(line, false);
        assertArrayEquals(line, GskSide.readFully(s, line.length));
    }

    private static int count(String text, String what) {
        Matcher x = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (x.find()) {
            n++;
        }
        return n;
    }

    @Test
    void tls13ResetCipherIsAKeyUpdateAndDataFlowsAfterIt() throws Exception {
        Engines.assumeNotBoringSsl(Engines.RESET_CIPHER);
        try (PeerServer srv = openSslServer(TlsProtocol.TLSV13);
             SocketChannel ch = GskSide.connect(srv.port, srv.process)) {
            Session s = client(ch, TlsProtocol.TLSV13);
            roundTrip(s, srv, "1");
            s.misc(MiscId.GSK_RESET_CIPHER);
            roundTrip(s, srv, "2"); // the peer's own KeyUpdate (we asked for one) arrives before this line
            s.misc(MiscId.GSK_RESET_CIPHER_WITHNEWSESSION);
            roundTrip(s, srv, "3");
            // s_server prints its trace after the bytes leave: wait for it rather than take it mid-line
            srv.process.awaitOutput(o -> count(o, ">>> TLS 1.3, Handshake [length 0005], KeyUpdate") >= 2, PEER_WAIT);
            String out = srv.process.stdoutText();
            assertEquals(2, count(out, "<<< TLS 1.3, Handshake [length 0005], KeyUpdate"), out);
            assertEquals(2, count(out, ">>> TLS 1.3, Handshake [length 0005], KeyUpdate"), out);
            s.close();
        }
    }

    @Test
    void tls12ResetCipherRenegotiatesWhereTheServerAllowsIt() throws Exception {
        Engines.assumeNotBoringSsl(Engines.RESET_CIPHER);
        try (PeerServer srv = openSslServer(TlsProtocol.TLSV12, "-client_renegotiation");
             SocketChannel ch = GskSide.connect(srv.port, srv.process)) {
            Session s = client(ch, TlsProtocol.TLSV12);
            roundTrip(s, srv, "1");
            s.misc(MiscId.GSK_RESET_CIPHER);
            roundTrip(s, srv, "2");
            String out = srv.process.stdoutText();
            assertEquals(2, count(out, ", ClientHello"), out);
            assertEquals(4, count(out, ", Finished"), "both handshakes completed, each side finished twice: " + out);
            assertEquals(1, count(out, ", Certificate\n"), "the renegotiation resumed the session (abbreviated): " + out);
            s.close();
        }
    }

    @Test
    void tls12ResetCipherWithNewSessionIsAFullHandshake() throws Exception {
        Engines.assumeNotBoringSsl(Engines.RESET_CIPHER);
        try (PeerServer srv = openSslServer(TlsProtocol.TLSV12, "-client_renegotiation");
             SocketChannel ch = GskSide.connect(srv.port, srv.process)) {
            Session s = client(ch, TlsProtocol.TLSV12);
            roundTrip(s, srv, "1");
            s.misc(MiscId.GSK_RESET_CIPHER_WITHNEWSESSION);
            roundTrip(s, srv, "2");
            String out = srv.process.stdoutText();
            assertEquals(2, count(out, ", Certificate\n"), "the server's certificate was sent again: " + out);
            s.close();
        }
    }

    @Test
    void aServerThatRefusesRenegotiationEndsTheSessionWithItsReason() throws Exception {
        Engines.assumeNotBoringSsl(Engines.RESET_CIPHER);
        // OpenSSL 3 servers refuse client-initiated renegotiation unless told otherwise
        try (PeerServer srv = openSslServer(TlsProtocol.TLSV12);
             SocketChannel ch = GskSide.connect(srv.port, srv.process)) {
            Session s = client(ch, TlsProtocol.TLSV12);
            roundTrip(s, srv, "1");
            GskException e = assertThrows(GskException.class, () -> s.misc(MiscId.GSK_RESET_CIPHER));
            assertEquals(GskStatus.GSK_ERROR_BAD_PEER.code(), e.code(), e.getMessage());
            // sticky, as any failed handshake: the next call repeats it without touching the socket
            assertEquals(e.code(), assertThrows(GskException.class, () -> GskSide.writeLine(s, "x")).code());
            assertTrue(ch.isOpen());
            s.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TlsProtocol.class, names = {"TLSV13", "TLSV12"})
    void theServerSideResetsTooWithOpenSslAsClient(TlsProtocol p) throws Exception {
        Engines.assumeNotBoringSsl(Engines.RESET_CIPHER);
        Peers.assume(Peers.OPENSSL);
        Environment env = GskSide.server(dir, "server", m.server(), m.root().certificate(), false, Options.of(p));
        try (ServerSocketChannel listener = Loopback.listen()) {
            int port = ((java.net.InetSocketAddress) listener.getLocalAddress()).getPort();
            try (PeerProcess client = PeerProcess.start("s_client", dir, args(Peers.OPENSSL, "s_client", "-connect",
                    "127.0.0.1:" + port, OpenSsl.versionFlag(p), "-CAfile", files.root(), "-msg"));
                 SocketChannel ch = GskSide.accept(listener, client)) {
                Session s = GskSide.open(env, ch);
                s.handshake();
                s.misc(MiscId.GSK_RESET_CIPHER); // TLS 1.2: a HelloRequest, the client renegotiates within the call
                GskSide.writeLine(s, "after-reset");
                assertTrue(client.awaitOutput(o -> o.contains("after-reset"), PEER_WAIT), client::describe);
                String out = client.stdoutText();
                if (p == TlsProtocol.TLSV13) {
                    assertEquals(1, count(out, "<<< TLS 1.3, Handshake [length 0005], KeyUpdate"), out);
                } else {
                    assertTrue(out.contains("HelloRequest"), out);
                    assertTrue(count(out, ", ClientHello") >= 2, "the client renegotiated: " + out);
                }
                byte[] line = "from-client\n".getBytes(StandardCharsets.US_ASCII);
                client.feed(line, false);
                assertArrayEquals(line, GskSide.readFully(s, line.length));
                s.close();
            }
        }
        env.close();
    }

    @ParameterizedTest
    @EnumSource(value = TlsProtocol.class, names = {"TLSV13", "TLSV12"})
    void againstTheJdksSslSocket(TlsProtocol p) throws Exception {
        Engines.assumeNotBoringSsl(Engines.RESET_CIPHER);
        SSLContext peer = JdkPeer.context(m.server(), m.root().certificate());
        try (ServerSocketChannel listener = Loopback.listen();
             SocketChannel ch = SocketChannel.open(listener.getLocalAddress())) {
            JdkPeer.Running<Integer> echo = JdkPeer.start(() -> {
                try (SSLSocket sock = (SSLSocket) peer.getSocketFactory().createSocket(listener.accept().socket(), null, true)) {
                    sock.setUseClientMode(false);
                    sock.setEnabledProtocols(new String[] {p.jdkName()});
                    BufferedReader in = new BufferedReader(new InputStreamReader(sock.getInputStream(), StandardCharsets.US_ASCII));
                    OutputStream out = sock.getOutputStream();
                    int lines = 0;
                    for (String line; (line = in.readLine()) != null; lines++) {
                        out.write(("echo " + line + "\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                    return lines;
                }
            });
            Session s = client(ch, p);
            for (MiscId reset : new MiscId[] {null, MiscId.GSK_RESET_CIPHER, MiscId.GSK_RESET_CIPHER_WITHNEWSESSION}) {
                if (reset != null) {
                    s.misc(reset);
                }
                String tag = String.valueOf(reset);
                GskSide.writeLine(s, tag);
                byte[] expected = ("echo " + tag + "\n").getBytes(StandardCharsets.US_ASCII);
                assertArrayEquals(expected, GskSide.readFully(s, expected.length));
            }
            s.closeNotify();
            assertEquals(3, echo.result());
            s.close();
        }
    }
}
