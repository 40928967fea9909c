package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class TlsProtocolTest {

    @Test
    void protocolUsedValuesFromTheHeader() {
        assertEquals(514, TlsProtocol.SSLV2.protocolUsedValue());
        assertEquals(515, TlsProtocol.SSLV3.protocolUsedValue());
        assertEquals(520, TlsProtocol.TLSV10.protocolUsedValue());
        assertEquals(595, TlsProtocol.TLSV11.protocolUsedValue());
        assertEquals(596, TlsProtocol.TLSV12.protocolUsedValue());
        assertEquals(5000, TlsProtocol.TLSV13.protocolUsedValue());
    }

    @Test
    void jdkNamesRoundTrip() {
        assertNull(TlsProtocol.SSLV2.jdkName());
        assertEquals("TLSv1", TlsProtocol.TLSV10.jdkName());
        for (TlsProtocol p : TlsProtocol.values()) {
            if (p.jdkName() != null) {
                assertSame(p, TlsProtocol.fromJdkName(p.jdkName()).orElseThrow());
            }
        }
        assertTrue(TlsProtocol.fromJdkName("SSLv2Hello").isEmpty(), "a hello format, not a protocol");
        assertTrue(TlsProtocol.fromJdkName("TLSv1.0").isEmpty());
        assertTrue(TlsProtocol.fromJdkName(null).isEmpty());
    }

    @Test
    void everyJdkNameIsOneTheJdkSupports() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, null, null);
        Set<String> supported = Set.of(ctx.getSupportedSSLParameters().getProtocols());
        for (TlsProtocol p : TlsProtocol.values()) {
            if (p.jdkName() != null) {
                assertTrue(supported.contains(p.jdkName()), p.jdkName());
            }
        }
    }

    @Test
    void secTypeTokens() {
        assertEquals("SSLV3", TlsProtocol.SSLV3.secType());
        assertEquals("TLSV1", TlsProtocol.TLSV10.secType());
        assertEquals("TLSV13", TlsProtocol.TLSV13.secType());
    }

    @Test
    void runtimeNegotiatesModernTlsOnly() {
        Set<TlsProtocol> enabled = TlsProtocol.enabledInThisRuntime();
        assertTrue(enabled.contains(TlsProtocol.TLSV12));
        assertTrue(enabled.contains(TlsProtocol.TLSV13));
        assertFalse(enabled.contains(TlsProtocol.SSLV2));
        assertFalse(enabled.contains(TlsProtocol.SSLV3));
        assertSame(enabled, TlsProtocol.enabledInThisRuntime(), "computed once");
        assertThrows(UnsupportedOperationException.class, () -> enabled.add(TlsProtocol.SSLV3));
    }
}
