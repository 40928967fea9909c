package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.support.Blocking;
import io.gsk4j.support.GskPair;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * GSK4J_BLOCKING_MODE_SWITCH: per call (the default) a blocking program's socket is blocking
 * again between calls; per session it stays non-blocking from the first transfer until the
 * session closes, and everything issue 11 asks of a blocked call still holds (a close from
 * another thread, the program's own abortive close, an interrupt that leaves the socket open).
 * Runs alone: one test sets the system property every session of the JVM reads.
 */
@Isolated
class BlockingModeSwitchTest {
    private static final Duration BOUND = Duration.ofSeconds(5);

    @TempDir
    static Path dir;
    static Path serverStore;
    static Path clientStore;

    @BeforeAll
    static void stores() {
        Ca ca = TestPki.rootCa("Mode switch CA", KeyType.EC_P256);
        Credential server = ca.issueServer("localhost", KeyType.EC_P256, "localhost");
        serverStore = Stores.pkcs12(dir, "server", server, ca.certificate());
        clientStore = Stores.pkcs12(dir, "client", null, ca.certificate());
    }

    /** A handshaken pair on blocking channels: [0] client (with {@code clientSwitch} when not null), [1] server. */
    private static Session[] pair(Loopback link, EnumValue clientSwitch) throws Exception {
        return pair(link, clientSwitch, 0);
    }

    private static Session[] pair(Loopback link, EnumValue clientSwitch, int clientReadTimeoutMillis) throws Exception {
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
        Environment clientEnv = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, clientStore);
        Session server = serverEnv.openSession();
        Session client = clientEnv.openSession();
        if (clientSwitch != null) {
            client.set(EnumAttribute.GSK4J_BLOCKING_MODE_SWITCH, clientSwitch);
        }
        client.set(NumericAttribute.GSK_IBMI_READ_TIMEOUT, clientReadTimeoutMillis);
        return GskPair.handshaken(link, client, server);
    }

    private static int status(Blocking.Call call) {
        try {
            call.run();
            return 0;
        } catch (GskException e) {
            return e.code();
        }
    }

    @Test
    void perCallTheSocketIsBlockingAgainBetweenCalls() throws Exception {
        try (Loopback link = Loopback.open()) {
            Session[] s = pair(link, null);
            assertEquals(EnumValue.GSK4J_MODE_SWITCH_PER_CALL, s[0].getEnum(EnumAttribute.GSK4J_BLOCKING_MODE_SWITCH));
            assertTrue(link.client.isBlocking());
            s[0].close();
            s[1].close();
        }
    }

    @Test
    void perSessionTheSocketStaysNonBlockingUntilTheSessionCloses() throws Exception {
        try (Loopback link = Loopback.open()) {
            Session[] s = pair(link, EnumValue.GSK4J_MODE_SWITCH_PER_SESSION);
            assertFalse(link.client.isBlocking(), "held since the handshake's first transfer");
            // still a blocking call for the program: the read waits for the server's bytes
            Blocking reader = Blocking.start("reader", () -> {
                ByteBuffer in = ByteBuffer.allocate(10);
                while (in.position() < 3) {
                    s[0].read(in);
                }
            });
            assertTrue(reader.awaitWaitingOnSocket(BOUND), "the read did not wait as a blocking read does");
            s[1].write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            assertEquals(0, reader.status(BOUND));
            assertFalse(link.client.isBlocking());
            s[0].close();
            assertTrue(link.client.isBlocking(), "handed back in the program's mode at close");
            assertTrue(link.client.isOpen());
            s[1].close();
        }
    }

    @Test
    void perSessionAProgramThatMakesTheSocketBlockingAgainIsFollowed() throws Exception {
        try (Loopback link = Loopback.open()) {
            Session[] s = pair(link, EnumValue.GSK4J_MODE_SWITCH_PER_SESSION);
            link.client.configureBlocking(true); // the program's own choice, between calls
            s[1].write(ByteBuffer.wrap(new byte[] {7}));
            ByteBuffer in = ByteBuffer.allocate(1);
            assertEquals(1, s[0].read(in));
            assertFalse(link.client.isBlocking(), "switched again, and held again");
            s[0].close();
            assertTrue(link.client.isBlocking());
            s[1].close();
        }
    }

    @Test
    void perSessionACloseFromAnotherThreadEndsABlockedRead() throws Exception {
        try (Loopback link = Loopback.open()) {
            Session[] s = pair(link, EnumValue.GSK4J_MODE_SWITCH_PER_SESSION);
            Blocking reader = Blocking.start("reader", () -> s[0].read(ByteBuffer.allocate(10)));
            assertTrue(reader.awaitWaitingOnSocket(BOUND), "the reader never waited");
            s[0].close();
            assertEquals(GskStatus.GSK_IBMI_ERROR_CLOSED.code(), reader.status(BOUND));
            assertTrue(link.client.isOpen() && link.client.isBlocking(), "the program's socket, in its mode");
            s[1].close();
        }
    }

    @Test
    void perSessionAnInterruptedReadLeavesTheSocketOpen() throws Exception {
        try (Loopback link = Loopback.open()) {
            Session[] s = pair(link, EnumValue.GSK4J_MODE_SWITCH_PER_SESSION);
            Blocking reader = Blocking.start("reader", () -> s[0].read(ByteBuffer.allocate(10)));
            assertTrue(reader.awaitWaitingOnSocket(BOUND), "the reader never waited");
            reader.thread().interrupt();
            assertEquals(GskStatus.GSK_ERROR_IO.code(), reader.status(BOUND), "EINTR");
            assertTrue(link.client.isOpen(), "an interrupt must not close the program's socket");
            s[1].write(ByteBuffer.wrap(new byte[] {9}));
            ByteBuffer in = ByteBuffer.allocate(1);
            assertEquals(1, s[0].read(in), "the session goes on after the C-style retry");
            s[0].close();
            s[1].close();
        }
    }

    @Test
    void perSessionAnAbortiveCloseByTheProgramResetsTheConnectionAtOnce() throws Exception {
        try (Loopback link = Loopback.open(); Selector peerPoll = Selector.open()) {
            Session[] s = pair(link, EnumValue.GSK4J_MODE_SWITCH_PER_SESSION, 50);
            assertEquals(GskStatus.GSK_IBMI_ERROR_TIMED_OUT.code(), status(() -> s[0].read(ByteBuffer.allocate(10))),
                    "a read that waited on the socket, and gave up");
            link.client.setOption(StandardSocketOptions.SO_LINGER, 0);
            link.client.close();
            link.server.configureBlocking(false);
            link.server.register(peerPoll, SelectionKey.OP_READ);
            assertTrue(peerPoll.select(BOUND.toMillis()) > 0, "the peer saw nothing: the close was deferred");
            assertThrows(IOException.class, () -> link.server.read(ByteBuffer.allocate(10)), "a reset, not a FIN");
            s[0].close();
        }
    }

    @Test
    void theSystemPropertyChoosesForSessionsThatDoNotSetIt() throws Exception {
        String before = System.getProperty("gsk4j.modeSwitch");
        System.setProperty("gsk4j.modeSwitch", "Session");
        try {
            try (Loopback link = Loopback.open()) {
                Session[] s = pair(link, null);
                assertFalse(link.client.isBlocking(), "the property's per-session switch");
                s[0].close();
                s[1].close();
            }
            try (Loopback link = Loopback.open()) {
                Session[] s = pair(link, EnumValue.GSK4J_MODE_SWITCH_PER_CALL);
                assertTrue(link.client.isBlocking(), "the attribute wins over the property");
                s[0].close();
                s[1].close();
            }
        } finally {
            if (before == null) {
                System.clearProperty("gsk4j.modeSwitch");
            } else {
                System.setProperty("gsk4j.modeSwitch", before);
            }
        }
    }
}
