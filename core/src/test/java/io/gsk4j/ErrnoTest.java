package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrnoTest {

    @Test
    void ibmiNumbersNotLinuxOnes() {
        Map<Errno, Integer> expected = Map.ofEntries(
                Map.entry(Errno.EINVAL, 3021), Map.entry(Errno.EIO, 3006), Map.entry(Errno.EAGAIN, 3406),
                Map.entry(Errno.EINTR, 3407), Map.entry(Errno.EFAULT, 3408), Map.entry(Errno.ETIME, 3409),
                Map.entry(Errno.ECLOSED, 3417), Map.entry(Errno.ECONNABORTED, 3424),
                Map.entry(Errno.ECONNREFUSED, 3425), Map.entry(Errno.ECONNRESET, 3426),
                Map.entry(Errno.ENOBUFS, 3436), Map.entry(Errno.ENOTCONN, 3438), Map.entry(Errno.ENOTSOCK, 3439),
                Map.entry(Errno.ETIMEDOUT, 3447), Map.entry(Errno.EUNATCH, 3448), Map.entry(Errno.EBADF, 3450),
                Map.entry(Errno.EPIPE, 3455), Map.entry(Errno.EDEADLK, 3459), Map.entry(Errno.ENOMEM, 3460),
                Map.entry(Errno.ETERM, 3464), Map.entry(Errno.EUNKNOWN, 3474),
                Map.entry(Errno.EDESTROYED, 3463), Map.entry(Errno.ECANCELED, 3473));
        assertEquals(expected.size(), Errno.values().length);
        expected.forEach((e, code) -> assertEquals(code, e.code(), e.name()));
    }

    @Test
    void codesUniqueAndRoundTrip() {
        Set<Integer> codes = new HashSet<>();
        for (Errno e : Errno.values()) {
            assertTrue(codes.add(e.code()), e.name());
            assertSame(e, Errno.fromCode(e.code()).orElseThrow());
            assertEquals(e.name(), e.posixName());
            assertEquals(e.name(), e.names().get(0));
            assertFalse(e.text().isBlank());
        }
        assertTrue(Errno.fromCode(5).isEmpty(), "Linux EIO is not an IBM i errno");
    }

    @Test
    void ewouldblockIsEagain() {
        assertEquals(List.of("EAGAIN", "EWOULDBLOCK"), Errno.EAGAIN.names());
        assertEquals(List.of("EIO"), Errno.EIO.names());
    }

    @Test
    void describeNeverNull() {
        assertTrue(Errno.describe(3006).startsWith("EIO (3006): "));
        assertTrue(Errno.describe(4242).contains("4242"));
        assertTrue(Errno.describe(0).contains("0"));
    }
}
