package io.gsk4j.attr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class EnumAttributeTest {

    @Test
    void idsAreUnique() {
        Set<Integer> ids = Arrays.stream(EnumAttribute.values()).map(EnumAttribute::id).collect(Collectors.toSet());
        assertEquals(EnumAttribute.values().length, ids.size());
    }

    @Test
    void numbersMatchSpec() {
        assertEquals(401, EnumAttribute.GSK_CLIENT_AUTH_TYPE.id());
        assertEquals(402, EnumAttribute.GSK_SESSION_TYPE.id());
        assertEquals(405, EnumAttribute.GSK_PROTOCOL_USED.id());
        assertEquals(407, EnumAttribute.GSK_PROTOCOL_TLSV1.id());
        assertEquals(410, EnumAttribute.GSK_SERVER_AUTH_TYPE.id());
        assertEquals(436, EnumAttribute.GSK_PROTOCOL_TLSV10.id());
        assertEquals(437, EnumAttribute.GSK_PROTOCOL_TLSV11.id());
        assertEquals(438, EnumAttribute.GSK_PROTOCOL_TLSV12.id());
        assertEquals(4030, EnumAttribute.GSK_PROTOCOL_TLSV13.id());
        assertEquals(451, EnumAttribute.GSK_EXTENDED_RENEGOTIATION_CRITICAL_CLIENT.id());
        assertEquals(452, EnumAttribute.GSK_EXTENDED_RENEGOTIATION_CRITICAL_SERVER.id());
        assertEquals(EnumAttribute.GSK_SSL_SUITEB_128BIT_MODE_PROCESSING, EnumAttribute.fromId(455).orElseThrow());
        assertTrue(EnumAttribute.fromId(400).isEmpty());
        assertTrue(EnumAttribute.fromId(462).isEmpty());
    }

    @Test
    void everyIdFrom401To461IsKnown() {
        for (int id = 401; id <= 461; id++) {
            assertTrue(EnumAttribute.fromId(id).isPresent(), "missing " + id);
        }
    }

    @Test
    void supportedDefaultsAreAllowed() {
        for (EnumAttribute a : EnumAttribute.values()) {
            if (a.access() == Access.READ_ONLY) {
                assertNull(a.defaultValue(), a.name());
            } else {
                assertNotNull(a.defaultValue(), a.name());
                assertTrue(a.accepts(a.defaultValue()), a.name());
            }
        }
    }

    @Test
    void allowedValues() {
        assertEquals(Set.of(EnumValue.GSK_CLIENT_AUTH_FULL, EnumValue.GSK_CLIENT_AUTH_PASSTHRU,
                EnumValue.GSK_IBMI_CLIENT_AUTH_REQUIRED), EnumAttribute.GSK_CLIENT_AUTH_TYPE.allowedValues());
        assertTrue(EnumAttribute.GSK_SESSION_TYPE.accepts(EnumValue.GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL));
        assertFalse(EnumAttribute.GSK_SESSION_TYPE.accepts(EnumValue.GSK_TRUE));
        assertFalse(EnumAttribute.GSK_PROTOCOL_TLSV12.accepts(EnumValue.GSK_PROTOCOL_TLSV1_ON));
        assertFalse(EnumAttribute.GSK_PROTOCOL_TLSV12.accepts(null));
        assertTrue(EnumAttribute.GSK_PROTOCOL_USED.allowedValues().contains(EnumValue.GSK_PROTOCOL_USED_TLSV13));
        assertTrue(EnumAttribute.GSK_SERVER_AUTH_TYPE.accepts(EnumValue.GSK_IBMI_SERVER_AUTH_REQUIRED));
    }

    @Test
    void defaults() {
        assertEquals(EnumValue.GSK_CLIENT_SESSION, EnumAttribute.GSK_SESSION_TYPE.defaultValue());
        assertEquals(EnumValue.GSK_SERVER_AUTH_FULL, EnumAttribute.GSK_SERVER_AUTH_TYPE.defaultValue());
        assertEquals(EnumValue.GSK_PROTOCOL_TLSV1_ON, EnumAttribute.GSK_PROTOCOL_TLSV1.defaultValue());
        assertEquals(EnumValue.GSK_FALSE, EnumAttribute.GSK_PROTOCOL_TLSV10.defaultValue());
        assertEquals(EnumValue.GSK_FALSE, EnumAttribute.GSK_PROTOCOL_TLSV11.defaultValue());
        assertEquals(EnumValue.GSK_TRUE, EnumAttribute.GSK_PROTOCOL_TLSV12.defaultValue());
        assertEquals(EnumValue.GSK_TRUE, EnumAttribute.GSK_PROTOCOL_TLSV13.defaultValue());
        assertEquals(EnumValue.GSK_TRUE, EnumAttribute.GSK_CERTREQ_DNLIST_ENABLE.defaultValue());
    }

    @Test
    void scopesAndAccess() {
        assertFalse(EnumAttribute.GSK_ENVIRONMENT_CLOSE_OPTIONS.scope().allows(HandleKind.SESSION));
        assertFalse(EnumAttribute.GSK_PROTOCOL_USED.scope().allows(HandleKind.ENVIRONMENT));
        for (EnumAttribute a : EnumAttribute.values()) {
            if (a.access() == Access.READ_ONLY) {
                assertEquals(Scope.SESSION, a.scope(), a.name());
            }
        }
    }

    @Test
    void supportDecisions() {
        assertTrue(EnumAttribute.GSK_PROTOCOL_TLSV13.supported());
        assertTrue(EnumAttribute.GSK_ENVIRONMENT_CLOSE_OPTIONS.supported());
        assertFalse(EnumAttribute.GSK_ALLOW_UNAUTHENTICATED_RESUME.supported());
        assertTrue(EnumAttribute.GSK_EXTENDED_RENEGOTIATION_CRITICAL_CLIENT.supported());
        assertTrue(EnumAttribute.GSK_EXTENDED_RENEGOTIATION_CRITICAL_SERVER.supported());
        assertFalse(EnumAttribute.GSK_NO_RENEGOTIATION.supported());
        assertFalse(EnumAttribute.GSK_MSCAPI_ENABLE.supported());
    }
}
