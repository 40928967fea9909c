package io.gsk4j.compat;

import static io.gsk4j.compat.Gsk.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * What the compat tests share: one small PKI (key generation is the slow part), its stores
 * written into a test's directory, C-style helpers that assert each call, and loopback pairs.
 */
final class CompatFixture {
    static final TestPki.Ca ROOT = TestPki.rootCa("Compat Root", KeyType.EC_P256);
    static final TestPki.Credential SERVER = ROOT.issueServer("localhost", KeyType.EC_P256);
    static final String PASSWORD = "compat-secret";
    static final String SERVER_LABEL = "server";

    private CompatFixture() {
    }

    /** A store with the server's key (label "server") and the root it trusts. */
    static Path serverStore(Path dir) {
        return TestPki.pkcs12().key(SERVER_LABEL, SERVER).trusted("root", ROOT.certificate())
                .write(dir.resolve("server.p12"), PASSWORD.toCharArray());
    }

    /** A store a client uses: only the trusted root, no key. */
    static Path clientStore(Path dir) {
        return TestPki.pkcs12().trusted("root", ROOT.certificate())
                .write(dir.resolve("client.p12"), PASSWORD.toCharArray());
    }

    static GskHandle openEnv() {
        GskHandle env = new GskHandle();
        ok(gsk_environment_open(env));
        return env;
    }

    /** An environment on {@code store}, with the session type set, not yet initialised. */
    static GskHandle openEnv(Path store, int sessionType) {
        GskHandle env = openEnv();
        ok(gsk_attribute_set_enum(env, GSK_SESSION_TYPE, sessionType));
        ok(gsk_attribute_set_buffer(env, GSK_KEYRING_FILE, store.toString(), 0));
        ok(gsk_attribute_set_buffer(env, GSK_KEYRING_PW, PASSWORD, 0));
        return env;
    }

    static GskHandle initialisedEnv(Path store, int sessionType) {
        GskHandle env = openEnv(store, sessionType);
        ok(gsk_environment_init(env));
        return env;
    }

    static GskHandle openSession(GskHandle env) {
        GskHandle session = new GskHandle();
        ok(gsk_secure_soc_open(env, session));
        return session;
    }

    static void ok(int rc) {
        expect(GSK_OK, rc);
    }

    /** assertEquals that names both codes, so a failure reads "expected GSK_INVALID_STATE". */
    static void expect(int expected, int actual) {
        assertEquals(expected, actual, () -> "expected " + name(expected) + " but got " + name(actual));
    }

    static String name(int rc) {
        return io.gsk4j.GskStatus.nameOf(rc) + " (" + rc + ")";
    }

    /** Two connected TCP channels on the loopback interface. */
    static final class Loopback implements AutoCloseable {
        final ServerSocketChannel listener;
        final SocketChannel client;
        final SocketChannel server;

        Loopback() {
            try {
                listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                client = SocketChannel.open(listener.getLocalAddress());
                server = listener.accept();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                client.close();
                server.close();
            } finally {
                listener.close();
            }
        }
    }
}
