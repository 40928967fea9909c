package io.gsk4j.programs;

import static io.gsk4j.programs.CurlGskit.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.gsk4j.TlsProtocol;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Credential;
import java.io.ByteArrayOutputStream;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * curl 8.2.1 with its GSKit backend ({@link CurlGskit}, a call-for-call transliteration of
 * lib/vtls/gskit.c) against {@code openssl s_server}: every code curl branches on, in the
 * situations a curl user meets. curl reads only when poll() says the socket is readable
 * (GSKit has no "data pending" hook in curl), so these transfers prove that nothing is held
 * where poll() cannot see it.
 */
@Isolated // sets gsk4j.validation.profile and gsk4j.home, which every environment reads, and opens completion ports
class CurlGskitReplayTest {
    private static final Duration PEER_WAIT = Duration.ofSeconds(10);
    /** curl's poll() wait in the transfer loop; a transfer that needs longer has stalled. */
    private static final int TRANSFER_POLL_MILLIS = 5_000;

    @TempDir
    Path dir;

    private OpenSslServer server(Credential c, String... more) throws Exception {
        ReplayPki.ServerFiles f = ReplayPki.serverFiles(dir, "server", c);
        String[] args = new String[4 + more.length];
        System.arraycopy(new String[] {"-cert", f.chain().toString(), "-key", f.key().toString()}, 0, args, 0, 4);
        System.arraycopy(more, 0, args, 4, more.length);
        return OpenSslServer.start(dir, args);
    }

    /** curl with CURLOPT_CAINFO naming a keyring that trusts the replay root, and its password. */
    private CurlGskit curl(SocketChannel sock) {
        CurlGskit curl = new CurlGskit(sock);
        curl.caFile = ReplayPki.trustStore(dir).toString();
        curl.keyPasswd = ReplayPki.PASSWORD;
        return curl;
    }

    private static void sendAll(CurlGskit curl, byte[] data) {
        int[] code = {0};
        int off = 0;
        while (off < data.length) {
            byte[] rest = java.util.Arrays.copyOfRange(data, off, data.length);
            int n = curl.send(rest, rest.length, code);
            assertTrue(n > 0, () -> "gskit_send failed with CURLcode " + code[0]);
            off += n;
        }
    }

    /**
     * curl's transfer loop: poll() the socket, and on readable one gskit_recv() of up to
     * 16 KiB; CURLE_AGAIN goes back to poll(). Ends when the response is complete (keep-alive)
     * or recv returns 0 (end of stream). A poll() that sees nothing for 5 s is a stall.
     */
    private static byte[] transfer(CurlGskit curl, SocketChannel sock, boolean untilEnd) throws Exception {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[16_384];
        while (untilEnd || !Http.complete(got.toByteArray())) {
            if (Net.pollIn(sock, TRANSFER_POLL_MILLIS) == 0) {
                fail("curl's poll() saw nothing readable for " + TRANSFER_POLL_MILLIS + " ms after " + got.size()
                        + " bytes: the rest of the response is held where poll() cannot see it");
            }
            int[] code = {0};
            int n = curl.recv(buf, code);
            if (n < 0) {
                assertEquals(CURLE_AGAIN, code[0], "gskit_recv's CURLcode");
                continue;
            }
            if (n == 0) {
                break; // the server's close_notify
            }
            got.write(buf, 0, n);
        }
        return got.toByteArray();
    }

    @Test
    void aDefaultGetReadsAKeepAliveBodyInSmallRecordsOnlyWhenPollSaysReadable() throws Exception {
        byte[] body = Http.body(6_041, 1);
        try (OpenSslServer s = server(ReplayPki.GOOD, "-naccept", "1", "-max_send_frag", "512");
             SocketChannel sock = Net.connectNonBlocking(s.port)) {
            CurlGskit curl = curl(sock);
            assertEquals(CURLE_OK, curl.connect());
            assertEquals(6019, curl.startInitRc, "GSK_OS400_ASYNCHRONOUS_SOC_INIT");
            assertEquals(0, curl.handshakeReturnValue, "the completion's returnValue");
            sendAll(curl, Http.get("/", "curl/8.2.1"));
            assertTrue(s.awaitOutput("GET / HTTP/1.1", PEER_WAIT), s::toString);
            s.feed(Http.keepAliveResponse(body));
            byte[] response = transfer(curl, sock, false);
            assertArrayEquals(body, Http.bodyOf(response));
            curl.closeOne();
            assertEquals(0, curl.closeRc);
            assertTrue(sock.isOpen(), "gsk_secure_soc_close leaves the socket to curl");
            assertFalse(sock.isBlocking(), "in the mode curl gave it: non-blocking");
        }
    }

    @Test
    void aBodyEndedByCloseNotifyIsReadToTheEnd() throws Exception {
        byte[] body = Http.body(20_045, 2);
        // s_server -HTTP sends the file as the whole response, headers included, then close_notify
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        file.writeBytes(body);
        Files.write(dir.resolve("body.txt"), file.toByteArray());
        try (OpenSslServer s = server(ReplayPki.GOOD, "-naccept", "1", "-HTTP");
             SocketChannel sock = Net.connectNonBlocking(s.port)) {
            CurlGskit curl = curl(sock);
            assertEquals(CURLE_OK, curl.connect());
            sendAll(curl, Http.get("/body.txt", "curl/8.2.1"));
            byte[] response = transfer(curl, sock, true);
            assertArrayEquals(body, Http.bodyOf(response));
            curl.closeOne();
            assertEquals(0, curl.closeRc);
        }
    }

    @Test
    void insecureReachesASelfSignedAndAnExpiredServer() throws Exception {
        for (Credential c : new Credential[] {ReplayPki.SELF_SIGNED, ReplayPki.EXPIRED}) {
            try (OpenSslServer s = server(c, "-naccept", "1");
                 SocketChannel sock = Net.connectNonBlocking(s.port)) {
                CurlGskit curl = curl(sock);
                curl.verifyPeer = false; // -k: GSK_SERVER_AUTH_PASSTHRU
                assertEquals(CURLE_OK, curl.connect(), () -> "curl -k against " + c.leaf().getSubjectX500Principal());
                assertEquals(0, curl.handshakeReturnValue);
                // element 0 is CERT_BODY_DER: curl takes its length for the DER it parses
                assertArrayEquals(c.leaf().getEncoded(), curl.serverCertificate);
                curl.closeOne();
            }
        }
    }

    @Test
    void aTrustedLeafWithoutExtendedKeyUsageIsAcceptedWithAndWithoutInsecure() throws Exception {
        for (boolean verify : new boolean[] {true, false}) {
            try (OpenSslServer s = server(ReplayPki.NO_EKU, "-naccept", "1");
                 SocketChannel sock = Net.connectNonBlocking(s.port)) {
                CurlGskit curl = curl(sock);
                curl.verifyPeer = verify;
                assertEquals(CURLE_OK, curl.connect(), () -> "verifypeer " + verify + ": returnValue " + curl.handshakeReturnValue);
                assertEquals(0, curl.handshakeReturnValue);
                curl.closeOne();
            }
        }
    }

    @Test
    void anAdministratorChoosesStrictWithoutChangingCurl() throws Exception {
        String before = System.getProperty("gsk4j.validation.profile");
        System.setProperty("gsk4j.validation.profile", "strict");
        try {
            for (boolean verify : new boolean[] {true, false}) {
                try (OpenSslServer s = server(ReplayPki.NO_EKU, "-naccept", "1");
                     SocketChannel sock = Net.connectNonBlocking(s.port)) {
                    CurlGskit curl = curl(sock);
                    curl.verifyPeer = verify;
                    int result = curl.connect();
                    if (verify) {
                        assertEquals(CURLE_PEER_FAILED_VERIFICATION, result);
                        assertEquals(8, curl.handshakeReturnValue, "GSK_ERROR_CERT_VALIDATION: STRICT wants an EKU");
                    } else {
                        // PASSTHRU: no STRICT-only rule ever aborts the session
                        assertEquals(CURLE_OK, result, () -> "returnValue " + curl.handshakeReturnValue);
                        curl.closeOne();
                    }
                }
            }
        } finally {
            if (before == null) {
                System.clearProperty("gsk4j.validation.profile");
            } else {
                System.setProperty("gsk4j.validation.profile", before);
            }
        }
    }

    @Test
    void anUntrustedServerFailsVerification() throws Exception {
        for (Credential c : new Credential[] {ReplayPki.UNTRUSTED, ReplayPki.SELF_SIGNED}) {
            try (OpenSslServer s = server(c, "-naccept", "1");
                 SocketChannel sock = Net.connectNonBlocking(s.port)) {
                CurlGskit curl = curl(sock);
                assertEquals(CURLE_PEER_FAILED_VERIFICATION, curl.connect());
                assertEquals(6000, curl.handshakeReturnValue, "GSK_OS400_ERROR_NOT_TRUSTED_ROOT");
                assertEquals(0, curl.closeRc, "close_one after the failure");
                assertTrue(sock.isOpen());
            }
        }
    }

    @Test
    void curlsConnectTimeoutCancelsTheAsynchronousHandshake() throws Exception {
        try (ServerSocketChannel silent = Net.silentListener();
             SocketChannel sock = Net.connectNonBlocking(Net.port(silent))) {
            CurlGskit curl = curl(sock);
            curl.timeLeftMillis = 1_200; // GSK_HANDSHAKE_TIMEOUT becomes 2 s: curl's own wait ends first
            int result = assertTimeoutPreemptively(Duration.ofSeconds(15), curl::connect);
            assertEquals(CURLE_OPERATION_TIMEDOUT, result);
            assertEquals(6019, curl.startInitRc);
            assertEquals(0, curl.waitResult, "QsoWaitForIOCompletion timed out");
            // gsk4j does not cancel a handshake under way (docs/ASYNC.md): curl then skips the wait
            assertEquals(0, curl.cancelResult, "QsoCancelOperation");
            assertEquals(0, curl.closeRc);
            assertTrue(sock.isOpen());
        }
    }

    @Test
    void theHandshakeTimeoutArrivesThroughTheCompletionPort() throws Exception {
        try (ServerSocketChannel silent = Net.silentListener();
             SocketChannel sock = Net.connectNonBlocking(Net.port(silent))) {
            CurlGskit curl = curl(sock);
            curl.timeLeftMillis = 1_000; // GSK_HANDSHAKE_TIMEOUT 1 s
            int result = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
                int r = curl.connectStep1();
                // the multi interface: look at the port without waiting, between waits on the socket
                while (r == CURLE_OK && !curl.handshakeDone()) {
                    Net.pollIn(sock, 100);
                    r = curl.connectStep2(true);
                }
                return r;
            });
            assertEquals(6011, curl.handshakeReturnValue, "GSK_OS400_ERROR_TIMED_OUT in the completion");
            assertEquals(CURLE_OPERATION_TIMEDOUT, result);
            curl.closeOne();
            assertEquals(0, curl.closeRc);
        }
    }

    @Test
    void theCipherListAes128ShaIsGskitSpec2F() throws Exception {
        try (OpenSslServer s = server(ReplayPki.rsaGood(), "-naccept", "1", "-tls1_2", "-cipher", "AES128-SHA");
             SocketChannel sock = Net.connectNonBlocking(s.port)) {
            CurlGskit curl = curl(sock);
            curl.cipherList = "aes128-sha";
            assertEquals(CURLE_OK, curl.connect());
            assertEquals(0, curl.handshakeReturnValue);
            io.gsk4j.compat.StringRef spec = new io.gsk4j.compat.StringRef();
            assertEquals(0, io.gsk4j.compat.Gsk.gsk_attribute_get_buffer(curl.handle, 207, spec, new io.gsk4j.compat.IntRef()));
            assertEquals("2F", spec.value, "GSK_CONNECT_CIPHER_SPEC");
            curl.closeOne();
        }
    }

    @Test
    void anUnregisteredApplicationIdFallsBackToTheKeyring() throws Exception {
        String before = System.getProperty("gsk4j.home");
        System.setProperty("gsk4j.home", dir.resolve("home").toString());
        try (SocketChannel sock = SocketChannel.open()) {
            CurlGskit curl = new CurlGskit(sock);
            curl.clientCert = "CURL_REPLAY_APP"; // CURLOPT_SSLCERT without a password: app-ID mode first
            assertEquals(CURLE_SSL_CACERT_BADFILE, curl.connectStep1());
            assertEquals(6002, curl.appIdInitRc, "GSK_OS400_ERROR_NOT_REGISTERED");
            assertEquals(202, curl.keyringInitRc, "GSK_KEYRING_OPEN_ERROR: no DEFAULT.KDB here");
        } finally {
            restore(before);
        }
    }

    @Test
    void aRegisteredApplicationIdConnects() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path store = ReplayPki.trustStore(dir);
        Path stash = TestPki.writeStash(dir.resolve("trust.sth"), ReplayPki.PASSWORD.toCharArray());
        Files.writeString(home.resolve("appdefs.properties"), "CURL_REPLAY_APP.store=" + store + "\nCURL_REPLAY_APP.stash=" + stash + "\n");
        String before = System.getProperty("gsk4j.home");
        System.setProperty("gsk4j.home", home.toString());
        try (OpenSslServer s = server(ReplayPki.GOOD, "-naccept", "1");
             SocketChannel sock = Net.connectNonBlocking(s.port)) {
            CurlGskit curl = new CurlGskit(sock);
            curl.clientCert = "CURL_REPLAY_APP";
            assertEquals(CURLE_OK, curl.connect());
            assertEquals(0, curl.appIdInitRc);
            assertEquals(null, curl.keyringInitRc, "keyring mode was never needed");
            curl.closeOne();
        } finally {
            restore(before);
        }
    }

    @Test
    void aServerSpeakingOnlyTls10IsRefusedWithoutADowngrade() throws Exception {
        assumeFalse(TlsProtocol.enabledInThisRuntime().contains(TlsProtocol.TLSV10), "this JDK allows TLS 1.0");
        try (OpenSslServer s = server(ReplayPki.GOOD, "-naccept", "1", "-tls1", "-cipher", "DEFAULT@SECLEVEL=0");
             SocketChannel sock = Net.connectNonBlocking(s.port)) {
            CurlGskit curl = curl(sock);
            // curl switches TLS 1.0 and 1.1 on: the sets succeed, the protocols are not offered
            assertEquals(CURLE_SSL_CONNECT_ERROR, curl.connect());
            assertEquals(412, curl.handshakeReturnValue, "GSK_ERROR_UNSUPPORTED: the peer's protocol version");
        }
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty("gsk4j.home");
        } else {
            System.setProperty("gsk4j.home", before);
        }
    }
}
