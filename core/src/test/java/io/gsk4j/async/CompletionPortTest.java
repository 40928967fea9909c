package io.gsk4j.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.SharedState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The completion queue on its own: posts, the three kinds of wait, destroy and the port limit. */
@ResourceLock(SharedState.COMPLETION_PORTS)
class CompletionPortTest {

    @Test
    void postThenTakeWithZeroFiniteAndInfiniteWaits() throws Exception {
        try (CompletionPort port = CompletionPort.open()) {
            assertNull(port.poll(), "zero wait on an empty port");
            assertNull(port.poll(Duration.ZERO));
            long t0 = System.nanoTime();
            assertNull(port.poll(Duration.ofMillis(200)));
            assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(150).toNanos(), "a finite wait waits");
            port.post("a");
            port.post("b");
            assertEquals(2, port.size());
            Completion a = port.take();
            assertEquals(OperationKind.POSTED, a.kind());
            assertEquals("a", a.attachment());
            assertTrue(a.succeeded());
            assertEquals("b", port.poll(Duration.ofSeconds(1)).attachment(), "first in, first out");
            JdkPeer.Running<Object> waiter = JdkPeer.start(() -> port.take().attachment());
            waiter.awaitBlockedIn("io.gsk4j.async.CompletionPort.take");
            port.post("late");
            assertEquals("late", waiter.result(), "an infinite wait wakes on a post");
        }
    }

    @Test
    void destroyWakesEveryWaiterAndDropsWhatWasQueued() throws Exception {
        CompletionPort port = CompletionPort.open();
        port.post("never taken");
        port.take();
        List<JdkPeer.Running<Throwable>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiters.add(JdkPeer.start(() -> {
                try {
                    port.poll(Duration.ofSeconds(30));
                    return null;
                } catch (PortDestroyedException e) {
                    return e;
                }
            }));
        }
        for (JdkPeer.Running<Throwable> w : waiters) {
            w.awaitBlockedIn("io.gsk4j.async.CompletionPort.poll");
        }
        port.post("dropped");
        port.destroy();
        for (JdkPeer.Running<Throwable> w : waiters) {
            Throwable t = w.result();
            assertTrue(t == null || t instanceof PortDestroyedException, String.valueOf(t));
        }
        assertTrue(port.isDestroyed());
        assertThrows(PortDestroyedException.class, port::poll);
        assertThrows(PortDestroyedException.class, () -> port.post("x"));
        port.destroy(); // harmless twice
    }

    @Test
    void atMost256PortsAtOnce() throws Exception {
        List<CompletionPort> open = new ArrayList<>();
        try {
            while (CompletionPort.liveCount() < CompletionPort.LIMIT) {
                open.add(CompletionPort.open());
            }
            GskException e = assertThrows(GskException.class, CompletionPort::open);
            assertEquals(GskStatus.GSK_ERROR_IO.code(), e.code());
            assertEquals(Errno.ENOBUFS, e.errno().orElseThrow());
        } finally {
            open.forEach(CompletionPort::destroy);
        }
        assertEquals(0, IoThreads.running());
    }

    @Test
    void theThreadCountIsConfigurableWithinItsLimit() {
        int before = IoThreads.configured();
        try {
            IoThreads.configure(1);
            assertEquals(1, IoThreads.configured());
            assertThrows(IllegalArgumentException.class, () -> IoThreads.configure(0));
            assertThrows(IllegalArgumentException.class, () -> IoThreads.configure(IoThreads.MAX + 1));
        } finally {
            IoThreads.configure(before);
        }
    }
}
