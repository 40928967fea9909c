package io.gsk4j.boringssl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.handler.ssl.OpenSslSessionTicketKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * When a server's ticket keys change: BoringSSL's own until a reset, then a fresh key with no
 * old one, then rotation that keeps the previous key for decryption. (That a reset really stops
 * resumption is {@code ResetSessionTest}, with real handshakes.)
 */
class TicketKeysTest {
    private final List<OpenSslSessionTicketKey[]> installed = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000);
    private final TicketKeys keys = new TicketKeys(installed::add, now::get, Duration.ofNanos(100));

    @Test
    void boringSslKeepsItsOwnKeysUntilAReset() {
        now.addAndGet(1_000_000);
        keys.rotateIfDue();
        assertEquals(0, installed.size());
    }

    @Test
    void aResetInstallsOneNewKeyAndKeepsNoOldOne() {
        keys.forgetAll();
        keys.forgetAll();
        assertEquals(2, installed.size());
        assertEquals(1, installed.get(0).length);
        assertEquals(1, installed.get(1).length);
        assertFalse(Arrays.equals(installed.get(0)[0].name(), installed.get(1)[0].name()));
    }

    @Test
    void afterAResetKeysRotateWhenDueAndThePreviousStillDecrypts() {
        keys.forgetAll();
        now.addAndGet(99);
        keys.rotateIfDue();
        assertEquals(1, installed.size(), "not due yet");
        now.addAndGet(1);
        keys.rotateIfDue();
        assertEquals(2, installed.size());
        OpenSslSessionTicketKey[] rotated = installed.get(1);
        assertEquals(2, rotated.length);
        assertArrayEquals(installed.get(0)[0].name(), rotated[1].name(), "the previous key decrypts");
        assertFalse(Arrays.equals(rotated[0].name(), rotated[1].name()));
    }
}
