package io.gsk4j.attr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class EnumValueTest {

    @Test
    void codesAreUnique() {
        Set<Integer> codes = Arrays.stream(EnumValue.values()).map(EnumValue::code).collect(Collectors.toSet());
        assertEquals(EnumValue.values().length, codes.size());
    }

    @Test
    void numbersMatchSpec() {
        assertEquals(0, EnumValue.GSK_FALSE.code());
        assertEquals(1, EnumValue.GSK_TRUE.code());
        assertEquals(503, EnumValue.GSK_CLIENT_AUTH_FULL.code());
        assertEquals(507, EnumValue.GSK_CLIENT_SESSION.code());
        assertEquals(520, EnumValue.GSK_PROTOCOL_USED_TLSV1.code());
        assertEquals(594, EnumValue.GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL.code());
        assertEquals(596, EnumValue.GSK_PROTOCOL_USED_TLSV12.code());
        assertEquals(5000, EnumValue.GSK_PROTOCOL_USED_TLSV13.code());
        assertEquals(6994, EnumValue.GSK_IBMI_SERVER_AUTH_REQUIRED.code());
        assertEquals(6995, EnumValue.GSK_IBMI_CLIENT_AUTH_REQUIRED.code());
        assertEquals(901, EnumValue.GSK_VALIDATION_REQUIRED.code());
        assertEquals(952, EnumValue.GSK_END_ENTITY_CERTIFICATE.code());
        assertEquals(EnumValue.GSK_NORMAL_ENVIRONMENT_CLOSE, EnumValue.fromCode(537).orElseThrow());
        assertTrue(EnumValue.fromCode(502).isEmpty());
    }

    @Test
    void aliasesResolve() {
        assertEquals(6995, EnumValue.fromName("GSK_OS400_CLIENT_AUTH_REQUIRED").orElseThrow().code());
        assertEquals(6994, EnumValue.fromName("GSK_OS400_SERVER_AUTH_REQUIRED").orElseThrow().code());
    }
}
