package io.gsk4j.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.Session;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.compat.Gsk;
import io.gsk4j.compat.GskHandle;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** The buffer-allocation seam: failures inside the library come out as statuses, never as exceptions. */
@Isolated // Buffers.replaceForTest changes the allocator of every session in the JVM
class AllocationFailureTest {
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        Buffers.reset();
    }

    private int handshakeWith(IntFunction<ByteBuffer> allocator) throws Exception {
        Path store = Stores.pkcs12(dir, "client", null, TestPki.rootCa("Seam CA", KeyType.EC_P256).certificate());
        Environment env = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, store);
        try (Loopback link = Loopback.open()) {
            Session session = env.openSession();
            session.attach(link.client);
            Buffers.replaceForTest(allocator);
            GskException e = assertThrows(GskException.class, session::handshake);
            Buffers.reset();
            // sticky, and close still works
            assertEquals(e.code(), assertThrows(GskException.class, session::handshake).code());
            session.close();
            assertTrue(link.client.isOpen());
            return e.code();
        }
    }

    /**
     * A read whose buffer can take the record's plaintext decrypts straight into it: it takes
     * the buffer the record is read into (once more after a wait, which gives it back), and
     * none for decrypted bytes.
     */
    @Test
    void aReadIntoALargeEnoughBufferTakesOnlyTheRecordsBuffer() throws Exception {
        TestPki.Ca ca = TestPki.rootCa("Read CA", KeyType.EC_P256);
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION,
                Stores.pkcs12(dir, "server", ca.issueServer("localhost", KeyType.EC_P256, "localhost"), ca.certificate()));
        Environment clientEnv = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION,
                Stores.pkcs12(dir, "client", null, ca.certificate()));
        try (Loopback link = Loopback.open()) {
            Session server = serverEnv.openSession();
            Session client = clientEnv.openSession();
            server.attach(link.server);
            client.attach(link.client);
            JdkPeer.Running<Void> hs = JdkPeer.start(() -> {
                server.handshake();
                return null;
            });
            client.handshake();
            hs.result();
            int records = 20;
            for (int i = 0; i < records; i++) {
                server.write(ByteBuffer.allocate(1024)); // all on the client's socket before it reads
            }
            AtomicInteger taken = new AtomicInteger();
            Set<Integer> sizes = ConcurrentHashMap.newKeySet();
            Buffers.replaceForTest(size -> {
                taken.incrementAndGet();
                sizes.add(size);
                return ByteBuffer.allocate(size);
            });
            ByteBuffer dst = ByteBuffer.allocate(64 * 1024);
            int read = 0;
            for (int i = 0; i < records; i++) {
                read += client.read(dst.clear());
            }
            Buffers.reset();
            assertEquals(records * 1024, read);
            // the record's buffer, again after a read that had to wait; never one for plaintext
            assertEquals(1, sizes.size(), "buffer sizes taken: " + sizes);
            assertTrue(taken.get() >= records && taken.get() <= 2 * records, taken + " buffers for " + records + " reads");
            client.close();
            server.close();
        }
    }

    @Test
    void noMemoryForTheBuffersIsInsufficientStorage() throws Exception {
        assertEquals(GskStatus.GSK_INSUFFICIENT_STORAGE.code(), handshakeWith(size -> {
            throw new OutOfMemoryError("test: no heap for " + size + " bytes");
        }));
    }

    @Test
    void anUnexpectedFailureInsideIsAnInternalError() throws Exception {
        assertEquals(GskStatus.GSK_INTERNAL_ERROR.code(), handshakeWith(size -> {
            throw new IllegalStateException("test: a bug in the library");
        }));
    }

    @Test
    void theCompatLayerReturnsTheNumberInsteadOfThrowing() throws Exception {
        Path store = Stores.pkcs12(dir, "client", null, TestPki.rootCa("Seam CA", KeyType.EC_P256).certificate());
        GskHandle env = new GskHandle();
        GskHandle session = new GskHandle();
        assertEquals(Gsk.GSK_OK, Gsk.gsk_environment_open(env));
        Gsk.gsk_attribute_set_enum(env, Gsk.GSK_SESSION_TYPE, Gsk.GSK_CLIENT_SESSION);
        Gsk.gsk_attribute_set_buffer(env, Gsk.GSK_KEYRING_FILE, store.toString(), 0);
        Gsk.gsk_attribute_set_buffer(env, Gsk.GSK_KEYRING_PW, Stores.PASSWORD, 0);
        assertEquals(Gsk.GSK_OK, Gsk.gsk_environment_init(env));
        assertEquals(Gsk.GSK_OK, Gsk.gsk_secure_soc_open(env, session));
        try (Loopback link = Loopback.open()) {
            Gsk.gsk_attribute_set_numeric_value(session, Gsk.GSK_FD, Gsk.gsk_fd(link.client));
            Buffers.replaceForTest(size -> {
                throw new OutOfMemoryError("test");
            });
            assertEquals(Gsk.GSK_INSUFFICIENT_STORAGE, Gsk.gsk_secure_soc_init(session));
            Buffers.reset();
            assertEquals(Gsk.GSK_OK, Gsk.gsk_secure_soc_close(session));
        }
        Gsk.gsk_environment_close(env);
    }
}
