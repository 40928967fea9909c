package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GskStatusTest {

    /** The return-code list of the gsk_secure_soc_init page (shared/seeds/000_7e3decd1e275aa5c.txt). */
    private static final List<String> SEED_SOC_INIT_NAMES = List.of(
            "GSK_OK", "GSK_INVALID_HANDLE", "GSK_KEYRING_OPEN_ERROR", "GSK_ERROR_BAD_KEYFILE_LABEL",
            "GSK_ERROR_BAD_V3_CIPHER", "GSK_ERROR_NO_CIPHERS", "GSK_ERROR_NO_CERTIFICATE",
            "GSK_ERROR_BAD_CERTIFICATE", "SSL_ERROR_NOT_TRUSTED_ROOT", "GSK_KEYFILE_CERT_EXPIRED",
            "GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE", "GSK_ERROR_BAD_MESSAGE", "GSK_ERROR_UNSUPPORTED",
            "GSK_ERROR_BAD_PEER", "GSK_ERROR_CLOSED", "GSK_ERROR_CERT_VALIDATION",
            "GSK_IBMI_ERROR_NO_INITIALIZE", "GSK_IBMI_ERROR_TIMED_OUT", "GSK_IBMI_ERROR_NOT_TCP",
            "GSK_IBMI_ERROR_ALREADY_SECURE", "GSK_INSUFFICIENT_STORAGE", "GSK_IBMI_ERROR_INVALID_POINTER",
            "GSK_INTERNAL_ERROR", "GSK_ERROR_NO_RI_INDICATION", "GSK_ERROR_IO");

    private static int codeOf(String name) {
        return GskStatus.fromName(name).orElseThrow(() -> new AssertionError("no status named " + name)).code();
    }

    @Test
    void everyRowOfTheSpecTableIsPresentAndNothingElse() {
        Set<Integer> expected = new HashSet<>();
        addRange(expected, 0, 13);
        addRange(expected, 101, 109);
        addRange(expected, 201, 207);
        expected.add(301);
        addRange(expected, 401, 444);
        addRange(expected, 501, 503);
        addRange(expected, 601, 602);
        addRange(expected, 701, 711);
        addRange(expected, 1501, 1502);
        addRange(expected, 1601, 1605);
        addRange(expected, 6000, 6005);
        addRange(expected, 6007, 6019);
        Set<Integer> actual = new HashSet<>();
        for (GskStatus s : GskStatus.values()) {
            actual.add(s.code());
        }
        assertEquals(expected, actual);
        assertEquals(117, GskStatus.values().length, "one constant per number, so no duplicates");
        assertTrue(GskStatus.fromCode(6006).isEmpty(), "6006 is a gap in every source");
        assertTrue(GskStatus.fromCode(70000).isEmpty(), "70000 is an enum-size sentinel");
    }

    private static void addRange(Set<Integer> set, int from, int to) {
        for (int i = from; i <= to; i++) {
            set.add(i);
        }
    }

    @Test
    void fromCodeRoundTrips() {
        for (GskStatus s : GskStatus.values()) {
            assertSame(s, GskStatus.fromCode(s.code()).orElseThrow());
        }
    }

    @Test
    void namesAreUniqueAndEveryAliasResolvesToItsOwnConstant() {
        Map<String, GskStatus> seen = new HashMap<>();
        for (GskStatus s : GskStatus.values()) {
            assertEquals(s.name(), s.names().get(0), "primary name first");
            for (String n : s.names()) {
                GskStatus previous = seen.put(n, s);
                assertTrue(previous == null, n + " used by " + previous + " and " + s);
                assertSame(s, GskStatus.fromName(n).orElseThrow(), n);
            }
        }
    }

    @Test
    void documentedNumbers() {
        assertEquals(0, codeOf("GSK_OK"));
        assertEquals(6000, codeOf("GSK_IBMI_ERROR_NOT_TRUSTED_ROOT"));
        assertEquals(6000, codeOf("GSK_OS400_ERROR_NOT_TRUSTED_ROOT"));
        assertEquals(6000, codeOf("GSK_AS400_ERROR_NOT_TRUSTED_ROOT"));
        assertEquals(6000, codeOf("SSL_ERROR_NOT_TRUSTED_ROOT"));
        assertEquals(420, codeOf("GSK_ERROR_CLOSED"));
        assertEquals(420, codeOf("GSK_ERROR_SOCKET_CLOSED"));
        assertEquals(6004, codeOf("GSK_IBMI_ERROR_CLOSED"));
        assertEquals(406, codeOf("GSK_ERROR_IO"));
        assertEquals(6011, codeOf("GSK_IBMI_ERROR_TIMED_OUT"));
        assertEquals(6011, codeOf("GSK_OS400_ERROR_TIMED_OUT"));
        assertEquals(705, codeOf("GSK_ATTRIBUTE_INVALID_NUMERIC_VALUE"));
        assertEquals(705, codeOf("GSK_ATTRIBUTE_INVALID_NUMERIC"));
        assertEquals(443, codeOf("GSK_ERROR_NO_RI_INDICATION"));
        assertEquals(501, codeOf("GSK_INVALID_BUFFER_SIZE"));
        assertEquals(502, codeOf("GSK_WOULD_BLOCK"));
        assertEquals(503, codeOf("GSK_ERROR_SSL_CLOSED"));
        assertEquals(301, codeOf("GSK_CLOSE_FAILED"), "301 per S1, not the 203 of the 2001 copybook");
        assertEquals(203, codeOf("GSK_RSA_TEMP_KEY_PAIR"));
        assertEquals(6012, codeOf("GSK_OS400_ASYNCHRONOUS_RECV"));
        assertEquals(6013, codeOf("GSK_AS400_ASYNCHRONOUS_SEND"));
        assertEquals(6019, codeOf("GSK_IBMI_ASYNCHRONOUS_SOC_INIT"));
        assertEquals(6019, codeOf("GSK_IBMI_ERROR_ASYNCHRONOUS_SOC_INIT"));
        assertEquals(6019, codeOf("GSK_OS400_ASYNCHRONOUS_SOC_INIT"));
        assertEquals(6019, codeOf("GSK_AS400_ASYNCHRONOUS_SOC_INIT"));
    }

    @Test
    void fromNameIsExactAndCaseSensitive() {
        assertTrue(GskStatus.fromName("gsk_ok").isEmpty());
        assertTrue(GskStatus.fromName(" GSK_OK").isEmpty());
        assertTrue(GskStatus.fromName("GSK_IBMI_4BYTE_VALUE").isEmpty());
        assertTrue(GskStatus.fromName(null).isEmpty());
    }

    @Test
    void everyReturnCodeNamedOnTheSocInitPageResolves() {
        assertEquals(25, SEED_SOC_INIT_NAMES.size());
        for (String name : SEED_SOC_INIT_NAMES) {
            assertTrue(GskStatus.fromName(name).isPresent(), name);
        }
    }

    @Test
    void ibmiRangeCarriesAllThreePrefixes() {
        for (GskStatus s : GskStatus.values()) {
            if (s.code() >= 6000 && s.code() <= 6019) {
                String suffix = s.name().substring("GSK_IBMI_".length());
                assertTrue(s.names().contains("GSK_OS400_" + suffix), s.name());
                assertTrue(s.names().contains("GSK_AS400_" + suffix), s.name());
            } else {
                assertFalse(s.name().startsWith("GSK_IBMI_"), s.name());
            }
        }
    }

    @Test
    void onlyTheThreeAsynchronousStartsArePending() {
        Set<GskStatus> pending = EnumSet.noneOf(GskStatus.class);
        for (GskStatus s : GskStatus.values()) {
            if (s.isPending()) {
                pending.add(s);
            }
        }
        assertEquals(Set.of(6012, 6013, 6019), Set.of(pending.stream().map(GskStatus::code).toArray(Integer[]::new)));
    }

    @Test
    void strerrorAlwaysHasText() {
        Set<String> texts = new HashSet<>();
        for (GskStatus s : GskStatus.values()) {
            String text = GskStatus.strerror(s.code());
            assertNotNull(text);
            assertFalse(text.isBlank(), s.name());
            assertEquals(s.text(), text);
            assertTrue(texts.add(text), "text reused by " + s.name());
        }
        assertTrue(GskStatus.strerror(12345).contains("12345"));
        assertTrue(GskStatus.strerror(-1).contains("-1"));
        assertTrue(GskStatus.strerror(6006).contains("6006"));
    }

    @Test
    void nameOfKnownAndUnknown() {
        assertEquals("GSK_IBMI_ERROR_NOT_TRUSTED_ROOT", GskStatus.nameOf(6000));
        assertEquals("GSK_ERROR_SOCKET_CLOSED", GskStatus.nameOf(420));
        assertEquals("GSK_UNKNOWN_RC(12345)", GskStatus.nameOf(12345));
        assertEquals("GSK_UNKNOWN_RC(70000)", GskStatus.nameOf(70000));
    }

    @Test
    void confidenceFollowsTheTable() {
        assertEquals(GskStatus.Confidence.IBMI_DOC, GskStatus.GSK_OK.confidence());
        assertEquals(GskStatus.Confidence.IBMI_DOC, GskStatus.GSK_WOULD_BLOCK.confidence());
        assertEquals(GskStatus.Confidence.IBMI_HDR, GskStatus.GSK_ERROR_SSL_CLOSED.confidence());
        assertEquals(GskStatus.Confidence.SINGLE, GskStatus.GSK_INVALID_PARAMETER.confidence());
        assertEquals(GskStatus.Confidence.SINGLE, GskStatus.GSK_IBMI_ASYNCHRONOUS_SOC_INIT.confidence());
    }

    @Test
    void exceptionMessageUsesTheTable() {
        GskException e = GskException.io(Errno.EIO, "reading", null);
        assertEquals("GSK_ERROR_IO (406) errno EIO (3006): reading", e.getMessage());
        assertEquals("GSK_UNKNOWN_RC(9999) (9999)", new GskException(9999, null, 0, null, null).getMessage());
    }

    @Test
    void aReplayedFailureSaysItsStatusOnce() {
        GskException first = new GskException(GskStatus.GSK_IBMI_ERROR_TIMED_OUT, "the handshake took too long");
        GskException again = first.replay().replay();
        assertEquals("GSK_IBMI_ERROR_TIMED_OUT (6011): the handshake took too long", again.getMessage());
        assertEquals(first.code(), again.code());
    }
}
