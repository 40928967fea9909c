package io.gsk4j.attr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class NumericAttributeTest {

    @Test
    void idsAreUnique() {
        Set<Integer> ids = Arrays.stream(NumericAttribute.values()).map(NumericAttribute::id).collect(Collectors.toSet());
        assertEquals(NumericAttribute.values().length, ids.size());
    }

    @Test
    void numbersMatchSpec() {
        assertEquals(300, NumericAttribute.GSK_FD.id());
        assertEquals(311, NumericAttribute.GSK_LAST_VALIDATION_ERROR.id());
        assertEquals(6993, NumericAttribute.GSK_IBMI_READ_TIMEOUT.id());
        assertEquals(6996, NumericAttribute.GSK_CERTIFICATE_VALIDATION_CODE.id());
        assertEquals(6998, NumericAttribute.GSK_HANDSHAKE_TIMEOUT.id());
        assertEquals(NumericAttribute.GSK_OCSP_MAX_RESPONSE_SIZE, NumericAttribute.fromId(315).orElseThrow());
        assertTrue(NumericAttribute.fromId(310).isEmpty());
    }

    @Test
    void aliasesResolve() {
        assertEquals(6993, NumericAttribute.fromName("GSK_OS400_READ_TIMEOUT").orElseThrow().id());
        assertEquals(6993, NumericAttribute.fromName("GSK_IBMI_READ_TIMEOUT").orElseThrow().id());
    }

    @Test
    void scopes() {
        assertFalse(NumericAttribute.GSK_FD.scope().allows(HandleKind.ENVIRONMENT));
        assertTrue(NumericAttribute.GSK_FD.scope().allows(HandleKind.SESSION));
        assertFalse(NumericAttribute.GSK_V3_SESSION_TIMEOUT.scope().allows(HandleKind.SESSION));
        assertTrue(NumericAttribute.GSK_HANDSHAKE_TIMEOUT.scope().allows(HandleKind.SESSION));
        assertTrue(NumericAttribute.GSK_HANDSHAKE_TIMEOUT.scope().allows(HandleKind.ENVIRONMENT));
    }

    @Test
    void ranges() {
        NumericAttribute v2 = NumericAttribute.GSK_V2_SESSION_TIMEOUT;
        assertTrue(v2.accepts(0));
        assertTrue(v2.accepts(100));
        assertFalse(v2.accepts(101));
        assertFalse(v2.accepts(-1));
        NumericAttribute v3 = NumericAttribute.GSK_V3_SESSION_TIMEOUT;
        assertTrue(v3.accepts(86400));
        assertFalse(v3.accepts(86401));
        assertFalse(NumericAttribute.GSK_HANDSHAKE_TIMEOUT.accepts(-1));
        assertTrue(NumericAttribute.GSK_HANDSHAKE_TIMEOUT.accepts(0));
        assertFalse(NumericAttribute.GSK_IBMI_READ_TIMEOUT.accepts(-1));
        assertFalse(NumericAttribute.GSK_FD.accepts(-1));
        assertTrue(NumericAttribute.GSK_FD.accepts(0));
    }

    @Test
    void defaults() {
        assertEquals(-1, NumericAttribute.GSK_FD.defaultValue());
        assertEquals(100, NumericAttribute.GSK_V2_SESSION_TIMEOUT.defaultValue());
        assertEquals(86400, NumericAttribute.GSK_V3_SESSION_TIMEOUT.defaultValue());
        assertEquals(0, NumericAttribute.GSK_HANDSHAKE_TIMEOUT.defaultValue());
        assertEquals(0, NumericAttribute.GSK_IBMI_READ_TIMEOUT.defaultValue());
        assertEquals(20480, NumericAttribute.GSK_OCSP_MAX_RESPONSE_SIZE.defaultValue());
    }

    @Test
    void settableDefaultsAreInRange() {
        for (NumericAttribute a : NumericAttribute.values()) {
            if (a.access() == Access.READ_WRITE && a != NumericAttribute.GSK_FD) {
                assertTrue(a.accepts(a.defaultValue()), a.name());
            }
        }
    }

    @Test
    void readOnlyAreSessionFacts() {
        for (NumericAttribute a : NumericAttribute.values()) {
            if (a.access() == Access.READ_ONLY) {
                assertEquals(Scope.SESSION, a.scope(), a.name());
            }
        }
        assertEquals(Access.READ_ONLY, NumericAttribute.GSK_CERTIFICATE_VALIDATION_CODE.access());
        assertEquals(Access.READ_ONLY, NumericAttribute.GSK_LAST_VALIDATION_ERROR.access());
    }

    @Test
    void supportDecisions() {
        assertTrue(NumericAttribute.GSK_IBMI_READ_TIMEOUT.supported());
        assertTrue(NumericAttribute.GSK_OCSP_TIMEOUT.supported());
        assertFalse(NumericAttribute.GSK_OCSP_REQUEST_SIGALG.supported());
        assertFalse(NumericAttribute.GSK_TLS_CBCPROTECTION_METHOD.supported());
    }
}
