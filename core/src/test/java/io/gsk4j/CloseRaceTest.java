package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.support.Blocking;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gsk_secure_soc_close} from another thread against every blocking call — the start of
 * a handshake, a handshake waiting for its peer, a read, a write — many times, at random
 * moments 0–3 ms after the call began. Every call must end within {@link #BOUND} of the close
 * with a documented status: 6004 (closed under it), 1 (the close came first: the handle is
 * gone), or 0 where the call could finish first.
 *
 * <p>{@code -Dgsk4j.closeRace.iterations=N} sets the rounds per kind (default 80, about 12
 * seconds in all); run it with 10000 to look for rarer interleavings.
 */
class CloseRaceTest {
    private static final int ROUNDS = Integer.getInteger("gsk4j.closeRace.iterations", 80);
    private static final Duration BOUND = Duration.ofSeconds(3);
    private static final int CLOSED = GskStatus.GSK_IBMI_ERROR_CLOSED.code();
    private static final int GONE = GskStatus.GSK_INVALID_HANDLE.code();

    @TempDir
    static Path dir;

    private static Environment serverEnv;
    /** TLS 1.2 only: its engine answers our close_notify with its own at once, which a reader must not take for the end. */
    private static Environment tls12ServerEnv;
    private static Environment clientEnv;
    private static final Map<String, Map<Integer, Integer>> SEEN = new TreeMap<>();
    private final Random random = new Random(4242);

    @BeforeAll
    static void environments() throws GskException {
        Ca ca = TestPki.rootCa("Race CA", KeyType.EC_P256);
        serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION,
                Stores.pkcs12(dir, "server", ca.issueServer("localhost", KeyType.EC_P256, "localhost"), ca.certificate()));
        Credential key = ca.issueServer("localhost", KeyType.EC_P256, "localhost");
        tls12ServerEnv = Stores.environment(dir, EnumValue.GSK_SERVER_SESSION, Stores.pkcs12(dir, "server12", key, ca.certificate()));
        tls12ServerEnv.set(EnumAttribute.GSK_PROTOCOL_TLSV13, EnumValue.GSK_FALSE);
        tls12ServerEnv.init();
        clientEnv = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "client", null, ca.certificate()));
    }

    @AfterAll
    static void summary() {
        System.out.println("close races, statuses seen per call (status=count): " + SEEN);
    }

    /** Waits until the call has begun, then 0–3 ms more: the close lands anywhere in its first steps. */
    private void randomPause(CountDownLatch begun) throws InterruptedException {
        assertTrue(begun.await(BOUND.toMillis(), TimeUnit.MILLISECONDS), "the call never began");
        LockSupport.parkNanos(random.nextInt(3_000_000));
    }

    private static void check(String kind, int round, int status, Set<Integer> allowed) {
        synchronized (SEEN) {
            SEEN.computeIfAbsent(kind, k -> new TreeMap<>()).merge(status, 1, Integer::sum);
        }
        assertTrue(allowed.contains(status), kind + ", round " + round + ": status " + status + " is not one of " + allowed);
    }

    private Session client(Loopback link, int handshakeSeconds) throws GskException {
        Session s = clientEnv.openSession();
        s.attach(link.client);
        s.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, handshakeSeconds);
        return s;
    }

    /** A handshaken pair, [0] client, [1] server; no read or write timeouts. */
    private Session[] pair(Loopback link) throws Exception {
        return pair(link, serverEnv);
    }

    private Session[] pair(Loopback link, Environment serverSide) throws Exception {
        Session server = serverSide.openSession();
        server.attach(link.server);
        server.set(NumericAttribute.GSK_HANDSHAKE_TIMEOUT, 20);
        Session client = client(link, 20);
        JdkPeer.Running<Void> handshake = JdkPeer.start(() -> {
            server.handshake();
            return null;
        });
        client.handshake();
        handshake.result();
        return new Session[] {client, server};
    }

    @Test
    void closeRacingTheStartOfAHandshake() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            try (Loopback link = Loopback.open()) {
                Session client = client(link, 0); // a silent peer and no timeout: only close can end it
                CountDownLatch begun = new CountDownLatch(1);
                Blocking handshake = Blocking.start("handshake", () -> {
                    begun.countDown();
                    client.handshake();
                });
                randomPause(begun);
                client.close();
                check("handshake start", i, handshake.status(BOUND), Set.of(CLOSED, GONE));
            }
        }
    }

    @Test
    void closeWhileAHandshakeWaitsForItsPeer() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            try (Loopback link = Loopback.open()) {
                Session client = client(link, 0);
                Blocking handshake = Blocking.start("handshake", client::handshake);
                assertTrue(handshake.awaitWaitingOnSocket(BOUND), "the handshake never waited");
                LockSupport.parkNanos(random.nextInt(3_000_000));
                client.close();
                check("handshake wait", i, handshake.status(BOUND), Set.of(CLOSED));
            }
        }
    }

    @Test
    void closeRacingARead() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            try (Loopback link = Loopback.open()) {
                // TLS 1.2 in every other round, with a reader on the server: its answer to our close_notify comes at once
                boolean answering = i % 2 == 0;
                Session[] s = pair(link, answering ? tls12ServerEnv : serverEnv);
                Blocking peerReader = answering ? Blocking.start("peer-read", () -> s[1].read(ByteBuffer.allocate(100))) : null;
                CountDownLatch begun = new CountDownLatch(1);
                Blocking read = Blocking.start("read", () -> {
                    begun.countDown();
                    s[0].read(ByteBuffer.allocate(100));
                });
                randomPause(begun);
                s[0].close();
                // never 0: the peer's answer to our close_notify is not an orderly end of stream
                check("read", i, read.status(BOUND), Set.of(CLOSED, GONE));
                s[1].close();
                if (peerReader != null) {
                    peerReader.status(BOUND); // it read our close_notify, or its own close ended it
                }
            }
        }
    }

    @Test
    void closeRacingAWrite() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            try (Loopback link = Loopback.open()) {
                Session[] s = pair(link);
                // the server never reads: the writer fills the socket and blocks, unless close comes first
                CountDownLatch begun = new CountDownLatch(1);
                Blocking write = Blocking.start("write", () -> {
                    ByteBuffer chunk = ByteBuffer.allocate(256 * 1024);
                    begun.countDown();
                    while (true) {
                        s[0].write(chunk.clear());
                    }
                });
                randomPause(begun);
                // from now on the peer takes everything, so close_notify need not wait out its bound
                Thread drain = drain(link);
                s[0].close();
                check("write", i, write.status(BOUND), Set.of(CLOSED, GONE));
                link.server.close();
                drain.join(BOUND.toMillis());
            }
        }
    }

    /** Reads and drops whatever reaches the server's socket, until it closes. */
    private static Thread drain(Loopback link) {
        Thread t = new Thread(() -> {
            ByteBuffer sink = ByteBuffer.allocate(256 * 1024);
            try {
                while (link.server.read(sink.clear()) >= 0) {
                    // dropped
                }
            } catch (java.io.IOException closed) {
                // the test closed it
            }
        }, "drain");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
