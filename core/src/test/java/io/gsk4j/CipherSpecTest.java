package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.support.ForkedJvm;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

class CipherSpecTest {

    private static Set<String> jdkSupported() throws Exception {
        return Set.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
    }

    private static Set<String> jdkEnabled() throws Exception {
        return Set.of(SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites());
    }

    private static void assertRejected(String expectedInMessage, Runnable parse) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, parse::run);
        assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
    }

    @Test
    void tableHasIbms34SuitesThenTheEnginesOthers() {
        assertEquals(92, CipherSpec.values().length);
        Set<Integer> codes = new HashSet<>();
        Set<String> qsslcsl = new HashSet<>();
        int ibm = 0;
        boolean ibmRowsDone = false;
        for (CipherSpec c : CipherSpec.values()) {
            assertTrue(codes.add(c.ianaCode()), c.name());
            if (c.isIbmSuite()) {
                assertFalse(ibmRowsDone, c.name() + ": IBM's rows come first");
                ibm++;
                String name = c.qsslcslName().orElseThrow();
                assertTrue(qsslcsl.add(name), c.name());
                assertTrue(name.startsWith("*"), c.name());
            } else {
                ibmRowsDone = true;
                assertTrue(c.qsslcslName().isEmpty(), c.name());
            }
            assertFalse(c.protocols().isEmpty(), c.name());
            assertFalse(c.protocols().contains(TlsProtocol.SSLV2), "no SSLv2 suites in the 7.4/7.5 table");
            assertEquals(c.name(), c.gskName());
        }
        assertEquals(34, ibm);
    }

    @Test
    void everySuiteTheEngineImplementsIsNameable() throws Exception {
        // the complete list needs jdk.tls.disabledAlgorithms emptied before TLS loads: a fresh JVM
        ForkedJvm.Result r = ForkedJvm.run(60, List.of(), ImplementedSuitesMain.class);
        assertEquals(0, r.exitCode(), r::toString);
        List<String> implemented = r.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertTrue(implemented.size() > 80, r::toString);
        List<String> unnamed = new java.util.ArrayList<>();
        for (String suite : implemented) {
            if (suite.equals("TLS_EMPTY_RENEGOTIATION_INFO_SCSV")) {
                continue; // a signal in the ClientHello, not a suite anyone negotiates
            }
            java.util.Optional<CipherSpec> c = CipherSpec.fromJdkName(suite);
            if (c.isEmpty()) {
                unnamed.add(suite);
                continue;
            }
            assertSame(c.get(), CipherSpec.fromName(c.get().gskName()).orElseThrow(), suite);
            assertSame(c.get(), CipherSpec.fromName(suite).orElseThrow(), suite);
            assertTrue(CipherSpec.parseExList(c.get().gskName()).contains(c.get()), suite);
            c.get().shortCode().ifPresent(code -> assertEquals(List.of(c.get()), CipherSpec.parseShortList(code)));
        }
        assertEquals(List.of(), unnamed, "suites the JDK implements that no cipher attribute can name");
    }

    @Test
    void shortCodesAreExactlyTheLegacySet() {
        // ciphers.md 3.2: valid V3/TLS short codes of IBM's suites
        Set<String> expected = Set.of("01", "02", "03", "04", "05", "06", "09", "0A", "2F", "35", "3B", "3C", "3D", "9C", "9D");
        // the same rule for the DHE suites GSKit implements elsewhere; none for anonymous or DES40 export suites
        Set<String> extended = Set.of("12", "13", "15", "16", "32", "33", "38", "39", "40", "67", "6A", "6B",
                "9E", "9F", "A2", "A3");
        Set<String> actual = new HashSet<>();
        Set<String> actualExtended = new HashSet<>();
        for (CipherSpec c : CipherSpec.values()) {
            if (c.isIbmSuite()) {
                c.shortCode().ifPresent(actual::add);
                assertEquals(c.ianaCode() <= 0xFF, c.shortCode().isPresent(), c.name());
            } else {
                c.shortCode().ifPresent(actualExtended::add);
                boolean expectCode = c.ianaCode() <= 0xFF && !c.name().contains("_anon_") && !c.name().contains("EXPORT");
                assertEquals(expectCode, c.shortCode().isPresent(), c.name());
            }
        }
        assertEquals(expected, actual);
        assertEquals(extended, actualExtended);
        assertSame(CipherSpec.TLS_DHE_RSA_WITH_AES_128_CBC_SHA, CipherSpec.fromShortCode("33").orElseThrow());
        assertEquals("2F", CipherSpec.TLS_RSA_WITH_AES_128_CBC_SHA.shortCode().orElseThrow());
        assertSame(CipherSpec.TLS_RSA_WITH_RC4_128_MD5, CipherSpec.fromShortCode("04").orElseThrow());
        assertSame(CipherSpec.TLS_RSA_WITH_AES_256_GCM_SHA384, CipherSpec.fromShortCode("9d").orElseThrow());
        assertTrue(CipherSpec.fromShortCode("C0").isEmpty());
        assertTrue(CipherSpec.fromShortCode("2").isEmpty());
    }

    @Test
    void protocolColumns() {
        assertEquals(Set.of(TlsProtocol.TLSV13), CipherSpec.TLS_CHACHA20_POLY1305_SHA256.protocols());
        assertEquals(Set.of(TlsProtocol.TLSV12, TlsProtocol.TLSV11, TlsProtocol.TLSV10),
                CipherSpec.TLS_RSA_WITH_AES_128_CBC_SHA.protocols());
        assertEquals(Set.of(TlsProtocol.TLSV11, TlsProtocol.TLSV10, TlsProtocol.SSLV3),
                CipherSpec.TLS_RSA_WITH_DES_CBC_SHA.protocols());
        assertEquals(Set.of(TlsProtocol.TLSV10, TlsProtocol.SSLV3),
                CipherSpec.TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5.protocols());
        assertTrue(CipherSpec.TLS_RSA_WITH_NULL_MD5.protocols().contains(TlsProtocol.SSLV3));
    }

    @Test
    void fromNameAcceptsIanaJdkAndSslSpellings() {
        CipherSpec des3 = CipherSpec.TLS_RSA_WITH_3DES_EDE_CBC_SHA;
        assertEquals("SSL_RSA_WITH_3DES_EDE_CBC_SHA", des3.jdkName());
        assertSame(des3, CipherSpec.fromName("TLS_RSA_WITH_3DES_EDE_CBC_SHA").orElseThrow());
        assertSame(des3, CipherSpec.fromName("SSL_RSA_WITH_3DES_EDE_CBC_SHA").orElseThrow());
        assertSame(des3, CipherSpec.fromJdkName("SSL_RSA_WITH_3DES_EDE_CBC_SHA").orElseThrow());
        assertTrue(CipherSpec.fromJdkName("TLS_RSA_WITH_3DES_EDE_CBC_SHA").isEmpty());
        // lenient SSL_ spelling of a name the JDK writes with TLS_
        assertSame(CipherSpec.TLS_RSA_WITH_AES_128_CBC_SHA, CipherSpec.fromName("SSL_RSA_WITH_AES_128_CBC_SHA").orElseThrow());
        assertTrue(CipherSpec.fromName("tls_rsa_with_aes_128_cbc_sha").isEmpty());
        assertTrue(CipherSpec.fromName("*RSA_AES_128_CBC_SHA").isEmpty());
        assertTrue(CipherSpec.fromName(null).isEmpty());
    }

    @Test
    void parseExListKeepsOrderAndTrims() {
        assertEquals(List.of(CipherSpec.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, CipherSpec.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
                        CipherSpec.TLS_AES_128_GCM_SHA256),
                CipherSpec.parseExList(" TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 ,SSL_RSA_WITH_3DES_EDE_CBC_SHA,\tTLS_AES_128_GCM_SHA256"));
        assertEquals(List.of(CipherSpec.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256),
                CipherSpec.parseExList("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
    }

    @Test
    void parseExListRejections() {
        assertRejected("TLS_NOPE", () -> CipherSpec.parseExList("TLS_AES_128_GCM_SHA256,TLS_NOPE"));
        assertRejected("empty", () -> CipherSpec.parseExList(""));
        assertRejected("empty", () -> CipherSpec.parseExList("TLS_AES_128_GCM_SHA256,"));
        assertRejected("position 2", () -> CipherSpec.parseExList("TLS_AES_128_GCM_SHA256, ,TLS_AES_256_GCM_SHA384"));
        assertRejected("2F", () -> CipherSpec.parseExList("2F,"));
        assertRejected("TLS_AES_128_GCM_SHA256", () -> CipherSpec.parseExList("TLS_AES_128_GCM_SHA256,TLS_AES_128_GCM_SHA256"));
        // the same suite under two spellings is still a duplicate
        assertRejected("SSL_RSA_WITH_NULL_MD5", () -> CipherSpec.parseExList("TLS_RSA_WITH_NULL_MD5,SSL_RSA_WITH_NULL_MD5"));
        assertThrows(IllegalArgumentException.class, () -> CipherSpec.parseExList(null));
    }

    @Test
    void parseShortListV6r1Default() {
        assertEquals(List.of(CipherSpec.TLS_RSA_WITH_AES_128_CBC_SHA, CipherSpec.TLS_RSA_WITH_RC4_128_SHA,
                        CipherSpec.TLS_RSA_WITH_RC4_128_MD5, CipherSpec.TLS_RSA_WITH_AES_256_CBC_SHA,
                        CipherSpec.TLS_RSA_WITH_3DES_EDE_CBC_SHA),
                CipherSpec.parseShortList("2F0504350A"));
        assertEquals(List.of(CipherSpec.TLS_RSA_WITH_AES_128_GCM_SHA256), CipherSpec.parseShortList("9c"));
        assertEquals(List.of(), CipherSpec.parseShortList(""));
    }

    @Test
    void parseShortListRejections() {
        assertRejected("2Z", () -> CipherSpec.parseShortList("2F2Z"));
        assertRejected("odd", () -> CipherSpec.parseShortList("2F,"));
        assertRejected("odd", () -> CipherSpec.parseShortList("2F0"));
        assertRejected(",0", () -> CipherSpec.parseShortList("2F,0"));
        assertRejected("FF", () -> CipherSpec.parseShortList("2FFF"));
        assertRejected("C0", () -> CipherSpec.parseShortList("C02F"));
        assertRejected("2F", () -> CipherSpec.parseShortList("2F052F"));
        assertRejected("-1", () -> CipherSpec.parseShortList("-1"));
    }

    @Test
    void defaultListTls13IsTheIbmOrder() {
        assertEquals(List.of(CipherSpec.TLS_AES_128_GCM_SHA256, CipherSpec.TLS_AES_256_GCM_SHA384,
                CipherSpec.TLS_CHACHA20_POLY1305_SHA256), CipherSpec.defaultList(TlsProtocol.TLSV13));
    }

    @Test
    void defaultListTls12FollowsQsslcslAndTheJdk() throws Exception {
        List<CipherSpec> list = CipherSpec.defaultList(TlsProtocol.TLSV12);
        assertEquals(CipherSpec.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, list.get(0));
        Set<String> enabled = jdkEnabled();
        for (CipherSpec c : list) {
            assertTrue(c.protocols().contains(TlsProtocol.TLSV12), c.name());
            assertTrue(enabled.contains(c.jdkName()), c.name() + " is not enabled by this JDK");
        }
        assertTrue(list.indexOf(CipherSpec.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384)
                < list.indexOf(CipherSpec.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256));
        assertTrue(list.indexOf(CipherSpec.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256)
                < list.indexOf(CipherSpec.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384));
        // not in the 7.3 QSSLCSL default at all, whatever the JDK says
        assertFalse(list.contains(CipherSpec.TLS_RSA_WITH_NULL_SHA256));
        assertFalse(list.contains(CipherSpec.TLS_ECDHE_RSA_WITH_RC4_128_SHA));
    }

    @Test
    void defaultListOlderProtocols() {
        assertEquals(List.of(), CipherSpec.defaultList(TlsProtocol.SSLV3));
        assertEquals(List.of(), CipherSpec.defaultList(TlsProtocol.SSLV2));
        for (TlsProtocol p : List.of(TlsProtocol.TLSV10, TlsProtocol.TLSV11)) {
            for (CipherSpec c : CipherSpec.defaultList(p)) {
                assertTrue(c.protocols().contains(p), c.name());
                assertTrue(c.isEnabledByJdk(), c.name());
            }
        }
    }

    @Test
    void knownAndEnabledAgreeWithTheRunningJdk() throws Exception {
        Set<String> supported = jdkSupported();
        Set<String> enabled = jdkEnabled();
        for (CipherSpec c : CipherSpec.values()) {
            assertEquals(supported.contains(c.jdkName()), c.isKnownToJdk(), c.name());
            assertEquals(enabled.contains(c.jdkName()), c.isEnabledByJdk(), c.name());
            if (c.isEnabledByJdk()) {
                assertTrue(c.isKnownToJdk(), c.name());
            }
        }
        // the JDK never spells one of our suites differently from jdkName()
        for (String name : supported) {
            CipherSpec.fromName(name).ifPresent(c -> assertEquals(name, c.jdkName()));
        }
        assertTrue(CipherSpec.TLS_AES_128_GCM_SHA256.isEnabledByJdk());
        assertTrue(CipherSpec.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256.isEnabledByJdk());
    }

    @Test
    void jdkSpellingsAreTheOnesTheEngineReportsBack() throws Exception {
        // setEnabledCipherSuites accepts every suite the JDK implements, disabled or not, and
        // getEnabledCipherSuites echoes the JDK's own spelling: this checks the static column.
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, null, null);
        for (CipherSpec c : CipherSpec.values()) {
            SSLEngine engine = ctx.createSSLEngine();
            if (c == CipherSpec.TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5) {
                assertThrows(IllegalArgumentException.class, () -> engine.setEnabledCipherSuites(new String[] {c.jdkName()}));
                continue;
            }
            engine.setEnabledCipherSuites(new String[] {c.gskName()});
            assertEquals(List.of(c.jdkName()), List.of(engine.getEnabledCipherSuites()), c.name());
        }
    }
}
