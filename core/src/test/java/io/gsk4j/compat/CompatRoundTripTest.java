package io.gsk4j.compat;

import static io.gsk4j.compat.CompatFixture.expect;
import static io.gsk4j.compat.CompatFixture.ok;
import static io.gsk4j.compat.Gsk.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client and a server written the way a C program uses GSKit, talking to each other over
 * loopback through the compat API only. The server runs in a second thread.
 */
@Timeout(60)
class CompatRoundTripTest {
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);
    private static final int HANDSHAKE_SECONDS = 20;
    private static final int READ_MILLIS = 20_000;

    @TempDir
    Path dir;

    @Test
    void clientAndServerInCStyle() throws Exception {
        Path serverStore = CompatFixture.serverStore(dir);
        Path clientStore = CompatFixture.clientStore(dir);
        ExecutorService serverThread = Executors.newSingleThreadExecutor();
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Future<?> server = serverThread.submit(() -> {
                try (SocketChannel accepted = listener.accept()) {
                    serve(serverStore, accepted);
                }
                return null;
            });
            try (SocketChannel channel = SocketChannel.open(listener.getLocalAddress())) {
                client(clientStore, channel);
                server.get(30, TimeUnit.SECONDS);
            }
        } finally {
            serverThread.shutdownNow();
            assertTrue(serverThread.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aFailedHandshakeIsClosedCleanlyOnBothSides() throws Exception {
        Path serverStore = CompatFixture.serverStore(dir);
        // the client trusts some other root, so it must refuse the server's chain
        Path strangerStore = TestPki.pkcs12().trusted("other", TestPki.rootCa("Other Root", KeyType.EC_P256).certificate())
                .write(dir.resolve("stranger.p12"), CompatFixture.PASSWORD.toCharArray());
        ExecutorService serverThread = Executors.newSingleThreadExecutor();
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Future<Integer> server = serverThread.submit(() -> {
                try (SocketChannel accepted = listener.accept()) {
                    GskHandle session = CompatFixture.openSession(CompatFixture.initialisedEnv(serverStore, GSK_SERVER_SESSION));
                    ok(gsk_attribute_set_numeric_value(session, GSK_HANDSHAKE_TIMEOUT, HANDSHAKE_SECONDS));
                    ok(gsk_attribute_set_numeric_value(session, GSK_FD, gsk_fd(accepted)));
                    int rc = gsk_secure_soc_init(session);
                    ok(gsk_secure_soc_close(session));
                    assertTrue(accepted.isOpen());
                    return rc;
                }
            });
            try (SocketChannel channel = SocketChannel.open(listener.getLocalAddress())) {
                GskHandle session = CompatFixture.openSession(CompatFixture.initialisedEnv(strangerStore, GSK_CLIENT_SESSION));
                ok(gsk_attribute_set_numeric_value(session, GSK_HANDSHAKE_TIMEOUT, HANDSHAKE_SECONDS));
                ok(gsk_attribute_set_numeric_value(session, GSK_FD, gsk_fd(channel)));
                expect(GSK_OS400_ERROR_NOT_TRUSTED_ROOT, gsk_secure_soc_init(session));
                // the failure is sticky; data calls repeat it, and close still works
                byte[] buf = new byte[8];
                IntRef n = new IntRef();
                expect(GSK_OS400_ERROR_NOT_TRUSTED_ROOT, gsk_secure_soc_read(session, buf, buf.length, n));
                expect(GSK_INVALID_STATE, gsk_attribute_get_cert_info(session, GSK_PARTNER_CERT_INFO, new CertDataRef(), n));
                ok(gsk_secure_soc_close(session));
                assertTrue(session.isNull());
                assertTrue(channel.isOpen());
                int serverRc = server.get(30, TimeUnit.SECONDS);
                assertTrue(serverRc != GSK_OK, "the server saw the refusal: " + CompatFixture.name(serverRc));
            }
        } finally {
            serverThread.shutdownNow();
            assertTrue(serverThread.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    private static void client(Path store, SocketChannel channel) throws Exception {
        GskHandle env = new GskHandle();
        ok(gsk_environment_open(env));
        ok(gsk_attribute_set_enum(env, GSK_SESSION_TYPE, GSK_CLIENT_SESSION));
        ok(gsk_attribute_set_buffer(env, GSK_KEYRING_FILE, store.toString(), 0));
        ok(gsk_attribute_set_buffer(env, GSK_KEYRING_PW, CompatFixture.PASSWORD, 0));
        ok(gsk_attribute_set_numeric_value(env, GSK_HANDSHAKE_TIMEOUT, HANDSHAKE_SECONDS));
        ok(gsk_attribute_set_numeric_value(env, GSK_IBMI_READ_TIMEOUT, READ_MILLIS));
        ok(gsk_environment_init(env));

        GskHandle session = new GskHandle();
        ok(gsk_secure_soc_open(env, session));
        ok(gsk_environment_close(env)); // as curl does: the session carries on
        ok(gsk_attribute_set_numeric_value(session, GSK_FD, gsk_fd(channel)));
        ok(gsk_secure_soc_init(session));

        StringRef cipher = new StringRef();
        IntRef length = new IntRef();
        ok(gsk_attribute_get_buffer(session, GSK_CONNECT_CIPHER_SPEC_EX, cipher, length));
        assertFalse(cipher.value.isEmpty());
        assertEquals(cipher.value.length(), length.value);
        IntRef protocol = new IntRef();
        ok(gsk_attribute_get_enum(session, GSK_PROTOCOL_USED, protocol));
        assertTrue(Set.of(GSK_PROTOCOL_USED_TLSV12, GSK_PROTOCOL_USED_TLSV13).contains(protocol.value),
                "protocol " + protocol.value);

        CertDataRef partner = new CertDataRef();
        IntRef count = new IntRef();
        ok(gsk_attribute_get_cert_info(session, GSK_PARTNER_CERT_INFO, partner, count));
        assertEquals(partner.value.length, count.value);
        assertEquals(CERT_BODY_DER, partner.value[0].cert_data_id);
        assertArrayEquals(CompatFixture.SERVER.leaf().getEncoded(), partner.value[0].cert_data_p);

        // a secure session is frozen and cannot be initialised twice
        expect(GSK_INVALID_STATE, gsk_attribute_set_numeric_value(session, GSK_HANDSHAKE_TIMEOUT, 1));
        expect(GSK_INVALID_STATE, gsk_attribute_set_enum(session, GSK_SESSION_TYPE, GSK_SERVER_SESSION));
        expect(GSK_INVALID_STATE, gsk_secure_soc_init(session));
        expect(GSK_MISC_INVALID_ID, gsk_secure_soc_misc(session, 4711));

        IntRef written = new IntRef();
        ok(gsk_secure_soc_write(session, HELLO, HELLO.length, written));
        assertEquals(HELLO.length, written.value);
        assertArrayEquals(HELLO, readExactly(session, HELLO.length));

        ok(gsk_secure_soc_misc(session, GSK_CLOSE_NOTIFY));
        expect(GSK_ERROR_SSL_CLOSED, gsk_secure_soc_write(session, HELLO, HELLO.length, written));
        assertEquals(0, written.value);

        GskHandle oldCopy = session.copy();
        ok(gsk_secure_soc_close(session));
        assertTrue(session.isNull());
        byte[] buf = new byte[16];
        IntRef n = new IntRef();
        expect(GSK_INVALID_HANDLE, gsk_secure_soc_read(oldCopy, buf, buf.length, n));
        expect(GSK_INVALID_HANDLE, gsk_secure_soc_write(oldCopy, HELLO, HELLO.length, n));
        expect(GSK_INVALID_HANDLE, gsk_secure_soc_misc(oldCopy, GSK_CLOSE_NOTIFY));
        expect(GSK_INVALID_HANDLE, gsk_attribute_get_enum(oldCopy, GSK_PROTOCOL_USED, n));
        expect(GSK_INVALID_HANDLE, gsk_secure_soc_close(oldCopy));
        assertTrue(channel.isOpen(), "gsk_secure_soc_close must not close the caller's socket");
    }

    private static void serve(Path store, SocketChannel accepted) {
        GskHandle env = new GskHandle();
        ok(gsk_environment_open(env));
        ok(gsk_attribute_set_enum(env, GSK_SESSION_TYPE, GSK_SERVER_SESSION));
        ok(gsk_attribute_set_buffer(env, GSK_KEYRING_FILE, store.toString(), 0));
        ok(gsk_attribute_set_buffer(env, GSK_KEYRING_PW, CompatFixture.PASSWORD, 0));
        ok(gsk_attribute_set_buffer(env, GSK_KEYRING_LABEL, CompatFixture.SERVER_LABEL, 0));
        ok(gsk_attribute_set_numeric_value(env, GSK_HANDSHAKE_TIMEOUT, HANDSHAKE_SECONDS));
        ok(gsk_attribute_set_numeric_value(env, GSK_IBMI_READ_TIMEOUT, READ_MILLIS));
        ok(gsk_environment_init(env));

        GskHandle session = new GskHandle();
        ok(gsk_secure_soc_open(env, session));
        ok(gsk_environment_close(env));
        ok(gsk_attribute_set_numeric_value(session, GSK_FD, gsk_fd(accepted)));
        ok(gsk_secure_soc_init(session));

        // a server whose client sent no certificate has no partner to describe
        CertDataRef partner = new CertDataRef();
        IntRef count = new IntRef(-1);
        ok(gsk_attribute_get_cert_info(session, GSK_PARTNER_CERT_INFO, partner, count));
        assertEquals(0, count.value);

        assertArrayEquals(HELLO, readExactly(session, HELLO.length));
        IntRef written = new IntRef();
        ok(gsk_secure_soc_write(session, HELLO, HELLO.length, written));
        assertEquals(HELLO.length, written.value);

        // the client's close_notify ends the stream: GSK_OK with nothing read
        byte[] buf = new byte[16];
        IntRef n = new IntRef(-1);
        ok(gsk_secure_soc_read(session, buf, buf.length, n));
        assertEquals(0, n.value);

        ok(gsk_secure_soc_close(session));
        assertTrue(accepted.isOpen());
    }

    /** TLS may hand data over in pieces: read until {@code length} bytes arrived. */
    private static byte[] readExactly(GskHandle session, int length) {
        byte[] out = new byte[length];
        int have = 0;
        byte[] buf = new byte[length];
        IntRef n = new IntRef();
        while (have < length) {
            ok(gsk_secure_soc_read(session, buf, length - have, n));
            assertTrue(n.value > 0, "end of stream after " + have + " bytes");
            System.arraycopy(buf, 0, out, have, n.value);
            have += n.value;
        }
        return out;
    }
}
