package io.gsk4j.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.Session;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Stores, environments and handshaken session pairs for the asynchronous tests. */
final class AsyncFixture {
    static final TestPki.Ca CA = TestPki.rootCa("Async CA", KeyType.EC_P256);
    static final TestPki.Credential SERVER = CA.issueServer("localhost", KeyType.EC_P256, "localhost");
    /** Long enough never to be the reason a test fails on a slow machine; every wait is bounded by it. */
    static final Duration WAIT = Duration.ofSeconds(20);

    private AsyncFixture() {
    }

    static Environment serverEnv(Path dir) throws GskException {
        return Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, Stores.pkcs12(dir, "server", SERVER, CA.certificate()));
    }

    static Environment clientEnv(Path dir) throws GskException {
        return Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "client", null, CA.certificate()));
    }

    /** The next completion, failing the test after {@link #WAIT}. */
    static Completion next(CompletionPort port) throws Exception {
        Completion c = port.poll(WAIT);
        assertNotNull(c, "no completion within " + WAIT);
        return c;
    }

    static void assertStatus(GskStatus expected, Completion c) {
        assertEquals(expected.code(), c.statusCode(), () -> "expected " + expected + " but got " + c);
    }

    /** [0] client, [1] server: both handshaken through {@code port}. */
    static Session[] handshaken(Path dir, Loopback link, CompletionPort port) throws Exception {
        Environment serverEnv = serverEnv(dir);
        Environment clientEnv = clientEnv(dir);
        Session server = serverEnv.openSession();
        Session client = clientEnv.openSession();
        serverEnv.close();
        clientEnv.close();
        server.attach(link.server);
        client.attach(link.client);
        server.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 20);
        client.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 20);
        assertEquals(true, server.startHandshake(port, AsyncOptions.attach("server")).pending());
        assertEquals(true, client.startHandshake(port, AsyncOptions.attach("client")).pending());
        Map<Object, Completion> done = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            Completion c = next(port);
            assertEquals(OperationKind.HANDSHAKE, c.kind());
            assertStatus(GskStatus.GSK_OK, c);
            done.put(c.attachment(), c);
        }
        assertEquals(client, done.get("client").session());
        assertEquals(server, done.get("server").session());
        return new Session[] {client, server};
    }

    static byte[] bytes(ByteBuffer buffer, int from, int count) {
        byte[] out = new byte[count];
        buffer.duplicate().position(from).get(out);
        return out;
    }
}
