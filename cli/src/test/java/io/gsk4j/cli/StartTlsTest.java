package io.gsk4j.cli;

import static io.gsk4j.cli.Pki.concat;
import static io.gsk4j.cli.Pki.store;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code client --starttls} against a server that speaks each protocol's plain-text opening and
 * then TLS on the same socket with the JDK's own SSLSocket (the real peer), as a mail or FTP
 * server does.
 */
class StartTlsTest {
    @TempDir
    static Path dir;
    static Pki pki;
    static SSLContext serverContext;

    @BeforeAll
    static void setUp() throws Exception {
        pki = new Pki(dir);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pki.serverStore)) {
            ks.load(in, Pki.PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, Pki.PASSWORD.toCharArray());
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
    }

    @ParameterizedTest
    @EnumSource(StartTls.Protocol.class)
    void eachProtocolSwitchesToTlsAndHandshakes(StartTls.Protocol protocol) throws Exception {
        try (Peer peer = new Peer(protocol, true)) {
            Cli.Run r = Cli.run(concat(new String[] {"client", "localhost:" + peer.port(), "--starttls", protocol.word(), "--json"},
                    store(pki.trustStore)));
            assertEquals(0, r.exitCode(), r::all);
            Map<String, Object> o = MiniJson.object(r.out());
            assertEquals(Boolean.TRUE, MiniJson.get(o, "starttls", "agreed"));
            assertEquals("CN=localhost", MiniJson.get(o, "chain", 0, "subject"));
            assertEquals(peer.request(), ((List<?>) MiniJson.get(o, "starttls", "dialogue")).stream()
                    .filter(l -> ((String) l).startsWith("> ")).reduce((a, b) -> b).orElseThrow());
            assertTrue(peer.handshook().get(20, TimeUnit.SECONDS), "the peer's TLS handshake completed");
        }
    }

    @Test
    void aServerThatWillNotSwitchIsExplained() throws Exception {
        try (Peer peer = new Peer(StartTls.Protocol.POP3, false)) {
            Cli.Run r = Cli.run(concat(new String[] {"client", "localhost:" + peer.port(), "--starttls", "pop3"},
                    store(pki.trustStore)));
            assertEquals(1, r.exitCode(), r::all);
            String text = ClientCommandTest.oneLine(r.out());
            assertTrue(text.contains("starttls > STLS"), text);
            assertTrue(text.contains("did not agree to switch to TLS with pop3 STARTTLS: the server answered \"-ERR not now\""), text);
            assertTrue(r.out().contains("result: FAILED, the server did not switch to TLS (no GSKit call was made)"), r.out());
        }
    }

    @Test
    void anUnknownProtocolIsAUsageError() {
        Cli.Run r = Cli.run("client", "localhost:25", "--starttls", "xmpp");
        assertEquals(2, r.exitCode(), r::all);
        r.assertOneLineError();
    }

    /** One connection: the protocol's opening in plain text, then (when it agrees) a TLS server on the same socket. */
    static final class Peer implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final StartTls.Protocol protocol;
        private final boolean agree;
        private final CompletableFuture<Boolean> handshook = new CompletableFuture<>();

        Peer(StartTls.Protocol protocol, boolean agree) throws IOException {
            this.protocol = protocol;
            this.agree = agree;
            Thread t = new Thread(this::serve, "starttls-peer");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        CompletableFuture<Boolean> handshook() {
            return handshook;
        }

        /** The command that asks to switch, as the client must send it. */
        String request() {
            return switch (protocol) {
                case SMTP -> "> STARTTLS";
                case IMAP -> "> a1 STARTTLS";
                case POP3 -> "> STLS";
                case FTP -> "> AUTH TLS";
            };
        }

        private void serve() {
            try (Socket s = listener.accept()) {
                s.setSoTimeout(20_000);
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                switch (protocol) {
                    case SMTP -> {
                        write(out, "220-mail.example ESMTP\r\n220 ready\r\n");
                        line(in); // EHLO
                        write(out, "250-mail.example\r\n250-PIPELINING\r\n250 STARTTLS\r\n");
                        line(in);
                        write(out, agree ? "220 go ahead\r\n" : "454 not now\r\n");
                    }
                    case IMAP -> {
                        write(out, "* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n");
                        line(in);
                        write(out, agree ? "a1 OK begin TLS now\r\n" : "a1 NO not now\r\n");
                    }
                    case POP3 -> {
                        write(out, "+OK ready\r\n");
                        line(in);
                        write(out, agree ? "+OK begin TLS\r\n" : "-ERR not now\r\n");
                    }
                    case FTP -> {
                        write(out, "220 ftp.example ready\r\n");
                        line(in);
                        write(out, agree ? "234 AUTH TLS ok\r\n" : "504 not now\r\n");
                    }
                }
                if (!agree) {
                    line(in); // until the client hangs up
                    return;
                }
                try (SSLSocket tls = (SSLSocket) serverContext.getSocketFactory().createSocket(s, null, s.getPort(), false)) {
                    tls.setUseClientMode(false);
                    tls.startHandshake();
                    handshook.complete(true);
                    tls.getInputStream().read(); // until the client closes
                }
            } catch (IOException e) {
                handshook.complete(false);
            }
        }

        private static void write(OutputStream out, String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                b.write(c);
            }
            return b.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
