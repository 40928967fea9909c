package io.gsk4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.support.ForkedJvm;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Out of memory at a process's first handshake (issue 11 item 10), in forked JVMs with a
 * 16 MiB heap filled to a few sizes of head room: no Throwable leaves a gsk_* function,
 * running out is GSK_INSUFFICIENT_STORAGE (4) and never GSK_INTERNAL_ERROR (3), when it
 * happened while gsk4j's own classes loaded a later handshake in the same JVM succeeds, and
 * an asynchronous completion owed while the heap was full is still delivered.
 */
class OutOfMemoryTest {
    @TempDir
    Path dir;

    private ForkedJvm.Result run(Path serverStore, Path clientStore, int leaveKib) throws Exception {
        return ForkedJvm.run(120, List.of("-Xmx16m", "-XX:-UsePerfData"), LowMemoryHandshakeMain.class,
                serverStore.toString(), clientStore.toString(), CompatFixture.PASSWORD, Integer.toString(leaveKib));
    }

    /** "first: senv_open=0 ..." -> name to return code. */
    private static Map<String, Integer> codes(ForkedJvm.Result r, String attempt) {
        String line = r.stdout().lines().filter(l -> l.startsWith(attempt + ":")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + attempt + " line: " + r));
        return Arrays.stream(line.substring(attempt.length() + 1).trim().split(" "))
                .map(pair -> pair.split("="))
                .collect(Collectors.toMap(p -> p[0], p -> Integer.parseInt(p[1])));
    }

    @Test
    void runningOutOfMemoryIsCode4AndNothingEscapes() throws Exception {
        Path serverStore = CompatFixture.serverStore(dir);
        Path clientStore = CompatFixture.clientStore(dir);
        boolean sawFour = false;
        for (int leaveKib : new int[] {0, 1024, 4096}) {
            ForkedJvm.Result r = run(serverStore, clientStore, leaveKib);
            assertEquals(0, r.exitCode(), r::toString);
            String escaped = r.stdout().lines().filter(l -> l.startsWith("escaped:")).findFirst().orElseThrow();
            assertEquals("escaped:", escaped.trim(), "a Throwable left a gsk_* function with " + leaveKib + " KiB free: " + r);
            Map<String, Integer> first = codes(r, "first");
            Map<String, Integer> second = codes(r, "second");
            assertFalse(first.containsValue(3) || second.containsValue(3), "out of memory reported as 3: " + r);
            sawFour |= first.containsValue(4);
            if (leaveKib == 0) {
                // memory ran out while gsk4j's own classes loaded: nothing of that sticks
                assertTrue(first.containsValue(4), r::toString);
                assertEquals(0, second.get("c_init"), r::toString);
                assertEquals(0, second.get("s_init"), r::toString);
            }
        }
        assertTrue(sawFour, "no run ran out of memory: the test proves nothing");
    }

    @Test
    void aCompletionOwedWhileTheHeapWasFullArrivesOnceMemoryIsBack() throws Exception {
        // the handshake timeout expires while the heap is full: the I/O thread survives and retries
        ForkedJvm.Result r = ForkedJvm.run(60, List.of("-Xmx16m", "-XX:-UsePerfData"), LowMemoryTimeoutMain.class,
                CompatFixture.serverStore(dir).toString(), CompatFixture.PASSWORD);
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("completion=" + GskSslConstants.GSK_IBMI_ERROR_TIMED_OUT), r::toString);
        assertFalse(r.stderr().contains("UncaughtExceptionHandler"), r::toString);
    }
}
