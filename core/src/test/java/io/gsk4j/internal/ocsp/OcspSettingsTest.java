package io.gsk4j.internal.ocsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Defaults and the ranges the record enforces. */
class OcspSettingsTest {

    @Test
    void defaults() {
        OcspSettings d = OcspSettings.defaults();
        assertNull(d.responderUrl());
        assertEquals(20480, d.maxResponseBytes());
        assertEquals(8, d.nonceSize());
        assertEquals(10, d.timeoutSeconds());
        assertFalse(d.nonceGeneration());
        assertFalse(d.nonceCheck());
        assertFalse(d.viaGet());
        assertNull(d.proxyHost());
        assertEquals(256, d.cacheSize());
        assertFalse(d.sendsNonce());
    }

    @Test
    void blankTextMeansNone() {
        OcspSettings s = new OcspSettings("  ", 1, 100, false, false, 8, false, "", 0, 0);
        assertNull(s.responderUrl());
        assertNull(s.proxyHost());
    }

    @Test
    void proxyPortZeroMeansHttpDefault() {
        assertEquals(80, new OcspSettings(null, 1, 100, false, false, 8, false, "proxy", 0, 0).effectiveProxyPort());
        assertEquals(3128, new OcspSettings(null, 1, 100, false, false, 8, false, "proxy", 3128, 0).effectiveProxyPort());
    }

    @Test
    void nonceCheckImpliesSending() {
        assertTrue(new OcspSettings(null, 1, 100, false, true, 8, false, null, 0, 0).sendsNonce());
    }

    @Test
    void outOfRangeValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new OcspSettings(null, -1, 100, false, false, 8, false, null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new OcspSettings(null, 1, 0, false, false, 8, false, null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new OcspSettings(null, 1, 100, false, false, 0, false, null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new OcspSettings(null, 1, 100, false, false, 33, false, null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new OcspSettings(null, 1, 100, false, false, 8, false, null, 65536, 0));
        assertThrows(IllegalArgumentException.class, () -> new OcspSettings(null, 1, 100, false, false, 8, false, null, 0, -1));
    }
}
