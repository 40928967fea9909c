package io.gsk4j.programs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gsk4j.testpki.TestPki.Credential;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ILEvator ({@link IlevatorSockets}, a call-for-call transliteration of its src/sockets.c)
 * against {@code openssl s_server}. ILEvator polls the socket before every
 * gsk_secure_soc_read, so a response arrives whole only if gsk4j leaves every byte it has not
 * returned in the kernel, where poll() sees it. Its handshake timeout is fixed at 30 s in
 * sockets.c, too long for a unit test; the curl and HTTPAPI replays cover handshake
 * time-outs.
 */
class IlevatorReplayTest {
    private static final Duration PEER_WAIT = Duration.ofSeconds(10);
    /** ps->timeOut in seconds: also the poll() wait before each receive. */
    private static final int TIMEOUT = 5;

    @TempDir
    Path dir;

    private OpenSslServer server(Credential c, String... more) throws Exception {
        ReplayPki.ServerFiles f = ReplayPki.serverFiles(dir, "server", c);
        String[] args = new String[4 + more.length];
        System.arraycopy(new String[] {"-cert", f.chain().toString(), "-key", f.key().toString()}, 0, args, 0, 4);
        System.arraycopy(more, 0, args, 4, more.length);
        return OpenSslServer.start(dir, args);
    }

    private IlevatorSockets sockets() {
        IlevatorSockets ps = new IlevatorSockets();
        ps.certificateFile = ReplayPki.trustStore(dir).toString();
        ps.keyringPassword = ReplayPki.PASSWORD;
        return ps;
    }

    /** receiveHeader / the body loop: sockets_receive into a 64 KiB buffer until the response is whole. */
    private static byte[] receiveResponse(IlevatorSockets ps) throws Exception {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[65_535];
        while (!Http.complete(got.toByteArray())) {
            int len = ps.receive(buffer, buffer.length - 1, TIMEOUT); // Buf[amtRead] = '\0' needs one byte
            if (len == IlevatorSockets.SOCK_TIMEOUT) {
                fail("ILEvator's poll() before sockets_receive timed out after " + got.size()
                        + " bytes: the rest of the response is held where poll() cannot see it");
            }
            assertTrue(len > 0, () -> "sockets_receive returned " + len + " (rc " + ps.lastRc + ")");
            got.write(buffer, 0, len);
        }
        return got.toByteArray();
    }

    @Test
    void aKeepAliveGetPollsBeforeEveryReadAndGetsEveryByte() throws Exception {
        byte[] body = Http.body(6_041, 4);
        // no TLS 1.3 session tickets (see aServerThatSaysNothingMoreIsAReceiveTimeoutFromPoll): a
        // poll() woken by tickets alone would make ILEvator take GSK_WOULD_BLOCK for an error
        try (OpenSslServer s = server(ReplayPki.GOOD, "-naccept", "1", "-max_send_frag", "512", "-num_tickets", "0")) {
            IlevatorSockets ps = sockets();
            assertTrue(ps.connect(s.port, TIMEOUT), () -> "rc " + ps.lastRc + ", soc_init " + ps.socInitRc);
            assertEquals(0, ps.envInitRc);
            assertEquals(0, ps.socInitRc);
            byte[] get = Http.get("/", "ILEvator");
            assertEquals(get.length, ps.send(get, get.length));
            assertTrue(s.awaitOutput("GET / HTTP/1.1", PEER_WAIT), s::toString);
            s.feed(Http.keepAliveResponse(body));
            assertArrayEquals(body, Http.bodyOf(receiveResponse(ps)));
            ps.close();
            assertEquals(0, ps.sessionCloseRc);
            assertEquals(0, ps.envCloseRc);
        }
    }

    @Test
    void theNoValidationCallbackDecidesAboutSelfSignedAndExpiredServers() throws Exception {
        Object[][] cases = {{ReplayPki.SELF_SIGNED, 6000}, {ReplayPki.EXPIRED, 107}};
        for (Object[] c : cases) {
            try (OpenSslServer s = server((Credential) c[0], "-naccept", "1")) {
                IlevatorSockets ps = sockets();
                assertTrue(ps.connect(s.port, TIMEOUT), () -> "soc_init " + ps.socInitRc);
                // GSK_NO_VALIDATION: the routine hears why validation failed and accepts
                assertEquals(List.of((int) c[1]), ps.callbackStatuses);
                ps.close();
                assertEquals(0, ps.sessionCloseRc);
            }
        }
    }

    @Test
    void aServerThatSaysNothingMoreIsAReceiveTimeoutFromPoll() throws Exception {
        // no TLS 1.3 session tickets: a ticket alone would make poll() say readable, and the
        // non-blocking gsk_secure_soc_read then says GSK_WOULD_BLOCK, which ILEvator takes for an error
        try (OpenSslServer s = server(ReplayPki.GOOD, "-naccept", "1", "-num_tickets", "0")) {
            IlevatorSockets ps = sockets();
            assertTrue(ps.connect(s.port, 1));
            byte[] get = Http.get("/", "ILEvator");
            assertEquals(get.length, ps.send(get, get.length));
            assertEquals(IlevatorSockets.SOCK_TIMEOUT, ps.receive(new byte[100], 99, 1));
            assertEquals(0, ps.sessionCloseRc, "sockets_close after the time-out");
            assertEquals(0, ps.envCloseRc);
        }
    }
}
