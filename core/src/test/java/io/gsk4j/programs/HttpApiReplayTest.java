package io.gsk4j.programs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.testpki.TestPki.Credential;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Scott Klement's HTTPAPI ({@link HttpApiComm}, a call-for-call transliteration of its TLS
 * driver COMMSSLR4) against {@code openssl s_server}: https_init's settings, CommSSL_Upgrade's
 * handshake and the codes it branches on, a keep-alive GET read the way HTTPAPI reads
 * (headers line by line, the body as a block of Content-Length bytes, GSK_WOULD_BLOCK
 * answered by poll()), and HTTPAPI's default of GSK_SERVER_AUTH_PASSTHRU.
 */
@Isolated // sets gsk4j.home, which every environment reads
class HttpApiReplayTest {
    private static final Duration PEER_WAIT = Duration.ofSeconds(10);
    private static final int TIMEOUT_SECONDS = 5;

    @TempDir
    Path dir;

    @BeforeEach
    void freshModule() {
        HttpApiComm.reset();
    }

    @AfterEach
    void cleanup() {
        HttpApiComm.reset();
    }

    private OpenSslServer server(Credential c, String... more) throws Exception {
        ReplayPki.ServerFiles f = ReplayPki.serverFiles(dir, "server", c);
        String[] args = new String[4 + more.length];
        System.arraycopy(new String[] {"-cert", f.chain().toString(), "-key", f.key().toString()}, 0, args, 0, 4);
        System.arraycopy(more, 0, args, 4, more.length);
        return OpenSslServer.start(dir, args);
    }

    /** https_certStore(): the program's own keyring instead of *SYSTEM (there is no DCM here). */
    private void certStore() {
        HttpApiComm.httpsCertStore(ReplayPki.trustStore(dir).toString(), ReplayPki.PASSWORD, "");
    }

    @Test
    void httpsInitSetsEverythingWithGskOkIncludingProtocolsTheJdkDisables() {
        certStore();
        assertEquals(0, HttpApiComm.httpsInit(" "));
        // session type, server auth, client auth, SSLv2, SSLv3, TLSv1, TLS 1.0, 1.1, 1.2, 1.3
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), HttpApiComm.initEnumRcs);
        assertEquals(0, HttpApiComm.envInitRc);
        assertNull(HttpApiComm.lastError);
    }

    @Test
    void aKeepAliveGetIsReadAsHttpapiReadsIt() throws Exception {
        byte[] body = Http.body(6_041, 3);
        certStore();
        try (OpenSslServer s = server(ReplayPki.GOOD, "-naccept", "1", "-max_send_frag", "512");
             SocketChannel sock = Net.connectNonBlocking(s.port)) {
            HttpApiComm comm = new HttpApiComm(sock);
            assertTrue(comm.connect());
            assertTrue(comm.upgrade(TIMEOUT_SECONDS, "localhost"), () -> String.valueOf(HttpApiComm.lastError));
            assertEquals(0, comm.validationCode, "GSK_CERTIFICATE_VALIDATION_CODE");
            assertEquals("TLS Version 1.3", comm.protocolUsed);
            assertTrue(comm.certElementCount > 0);
            byte[] get = Http.get("/", "http-api/1.45");
            assertEquals(get.length, comm.blockWrite(get, TIMEOUT_SECONDS));
            assertTrue(s.awaitOutput("GET / HTTP/1.1", PEER_WAIT), s::toString);
            s.feed(Http.keepAliveResponse(body));
            assertEquals("HTTP/1.1 200 OK\r\n", comm.lineRead(TIMEOUT_SECONDS));
            int length = -1;
            for (String line; !(line = comm.lineRead(TIMEOUT_SECONDS)).equals("\r\n");) {
                if (line.startsWith("Content-Length: ")) {
                    length = Integer.parseInt(line.substring(16).trim());
                }
            }
            byte[] got = new byte[length];
            assertEquals(body.length, comm.blockRead(got, length, TIMEOUT_SECONDS), () -> String.valueOf(HttpApiComm.lastError));
            assertArrayEquals(body, got);
            // keep-alive: nothing more comes; the non-blocking read says GSK_WOULD_BLOCK and HTTPAPI's poll times out
            assertEquals(-1, comm.read(new byte[10], 0, 10, 1));
            assertEquals("HTTP_BRTIME", HttpApiComm.lastError);
            assertEquals(502, comm.readRcs.get(comm.readRcs.size() - 1), "GSK_WOULD_BLOCK before HTTPAPI's poll()");
            comm.hangup();
            assertEquals(0, comm.closeRc);
        }
    }

    @Test
    void aPeerThatStopsReadingGivesPartialWritesThenWouldBlockThenHttpapisTimeout() throws Exception {
        certStore();
        try (OpenSslServer s = server(ReplayPki.GOOD, "-naccept", "1");
             SocketChannel sock = Net.connectNonBlocking(s.port)) {
            HttpApiComm comm = new HttpApiComm(sock);
            assertTrue(comm.connect());
            assertTrue(comm.upgrade(TIMEOUT_SECONDS, "localhost"));
            s.freeze();
            // far more than both socket buffers hold while s_server reads nothing: loopback autotuning
            // grows them to tcp_wmem's and tcp_rmem's maxima (4 MiB and 32 MiB on Debian 12)
            byte[] post = Http.body(64 << 20, 5);
            int sent = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> comm.blockWrite(post, 1));
            assertEquals(-1, sent);
            assertEquals("HTTP_BWTIMO", HttpApiComm.lastError, "CommSSL_BlockWrite's poll(POLLOUT) timed out");
            assertEquals(502, comm.writeRcs.get(comm.writeRcs.size() - 1), "GSK_WOULD_BLOCK on the non-blocking socket");
            assertTrue(comm.partialWrites > 0, "GSK_OK with part of the buffer written, before the buffers filled: " + comm.writeRcs);
            comm.hangup();
            assertEquals(0, comm.closeRc);
        }
    }

    @Test
    void theDefaultPassthruReachesSelfSignedAndExpiredServersAndSaysWhy() throws Exception {
        certStore();
        Object[][] cases = {{ReplayPki.SELF_SIGNED, 6000}, {ReplayPki.EXPIRED, 107}, {ReplayPki.UNTRUSTED, 6000}, {ReplayPki.NO_EKU, 0}};
        for (Object[] c : cases) {
            try (OpenSslServer s = server((Credential) c[0], "-naccept", "1");
                 SocketChannel sock = Net.connectNonBlocking(s.port)) {
                HttpApiComm comm = new HttpApiComm(sock);
                assertTrue(comm.connect());
                assertTrue(comm.upgrade(TIMEOUT_SECONDS, "localhost"), () -> HttpApiComm.lastError + " rc " + comm.socInitRc);
                // GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, GSK_KEYFILE_CERT_EXPIRED, or 0 for a valid leaf without EKU
                assertEquals((int) c[1], comm.validationCode, "GSK_CERTIFICATE_VALIDATION_CODE");
                comm.hangup();
            }
        }
    }

    @Test
    void httpsStrictRefusesAnUntrustedServer() throws Exception {
        certStore();
        HttpApiComm.httpsStrict(true);
        try (OpenSslServer s = server(ReplayPki.UNTRUSTED, "-naccept", "1");
             SocketChannel sock = Net.connectNonBlocking(s.port)) {
            HttpApiComm comm = new HttpApiComm(sock);
            assertTrue(comm.connect());
            assertFalse(comm.upgrade(TIMEOUT_SECONDS, "localhost"));
            assertEquals(6000, comm.socInitRc, "GSK_IBMI_ERROR_NOT_TRUSTED_ROOT");
            assertEquals("HTTP_SSSNFD", HttpApiComm.lastError);
        }
    }

    @Test
    void aSilentServerTimesTheHandshakeOut() throws Exception {
        certStore();
        try (ServerSocketChannel silent = Net.silentListener();
             SocketChannel sock = Net.connectNonBlocking(Net.port(silent))) {
            HttpApiComm comm = new HttpApiComm(sock);
            assertTrue(comm.connect());
            boolean up = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> comm.upgrade(1, "localhost"));
            assertFalse(up);
            assertEquals(6011, comm.socInitRc, "GSK_IBMI_ERROR_TIMED_OUT");
            assertEquals("HTTP_SSTIMO", HttpApiComm.lastError);
            assertEquals(0, comm.closeRc, "HTTPAPI closes the session after a time-out");
            assertTrue(sock.isOpen());
        }
    }

    @Test
    void anUnregisteredApplicationIdIsNotReg() {
        String before = System.getProperty("gsk4j.home");
        System.setProperty("gsk4j.home", dir.resolve("home").toString());
        try {
            assertEquals(-1, HttpApiComm.httpsInit("HTTPAPI_REPLAY_APP"));
            assertEquals(6002, HttpApiComm.envInitRc, "GSK_IBMI_ERROR_NOT_REGISTERED");
            assertEquals("HTTP_NOTREG", HttpApiComm.lastError);
        } finally {
            if (before == null) {
                System.clearProperty("gsk4j.home");
            } else {
                System.setProperty("gsk4j.home", before);
            }
        }
    }
}
