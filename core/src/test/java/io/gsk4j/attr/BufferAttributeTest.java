package io.gsk4j.attr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class BufferAttributeTest {

    @Test
    void idsAreUnique() {
        Set<Integer> ids = Arrays.stream(BufferAttribute.values()).map(BufferAttribute::id).collect(Collectors.toSet());
        assertEquals(BufferAttribute.values().length, ids.size());
    }

    @Test
    void numbersMatchSpec() {
        assertEquals(201, BufferAttribute.GSK_KEYRING_FILE.id());
        assertEquals(202, BufferAttribute.GSK_KEYRING_PW.id());
        assertEquals(203, BufferAttribute.GSK_KEYRING_LABEL.id());
        assertEquals(230, BufferAttribute.GSK_SSL_EXTN_SERVERNAME_REQUEST.id());
        assertEquals(243, BufferAttribute.GSK_TLSV12_CIPHER_SPECS_EX.id());
        assertEquals(244, BufferAttribute.GSK_CONNECT_CIPHER_SPEC_EX.id());
        assertEquals(2008, BufferAttribute.GSK_TLSV13_CIPHER_SPECS_EX.id());
        assertEquals(6999, BufferAttribute.GSK_IBMI_APPLICATION_ID.id());
        assertEquals(BufferAttribute.GSK_KEYRING_LABEL_EX, BufferAttribute.fromId(254).orElseThrow());
        assertTrue(BufferAttribute.fromId(239).isEmpty());
    }

    @Test
    void aliasesResolve() {
        assertEquals(6999, BufferAttribute.fromName("GSK_OS400_APPLICATION_ID").orElseThrow().id());
        assertEquals(236, BufferAttribute.fromName("GSK_TLSV0_CIPHER_SPECS").orElseThrow().id());
        assertEquals(237, BufferAttribute.fromName("GSK_TLSV1_CIPHER_SPECS").orElseThrow().id());
        assertEquals(238, BufferAttribute.fromName("GSK_TLSV2_CIPHER_SPECS").orElseThrow().id());
        assertEquals("GSK_IBMI_APPLICATION_ID", BufferAttribute.GSK_IBMI_APPLICATION_ID.names().get(0));
    }

    @Test
    void scopes() {
        assertFalse(BufferAttribute.GSK_IBMI_APPLICATION_ID.scope().allows(HandleKind.SESSION));
        assertTrue(BufferAttribute.GSK_IBMI_APPLICATION_ID.scope().allows(HandleKind.ENVIRONMENT));
        assertTrue(BufferAttribute.GSK_KEYRING_FILE.scope().allows(HandleKind.SESSION));
        assertTrue(BufferAttribute.GSK_KEYRING_FILE.scope().allows(HandleKind.ENVIRONMENT));
    }

    @Test
    void readOnlyAreSessionFacts() {
        for (BufferAttribute a : BufferAttribute.values()) {
            if (a.access() == Access.READ_ONLY) {
                assertEquals(Scope.SESSION, a.scope(), a.name());
            }
        }
        assertEquals(Access.READ_ONLY, BufferAttribute.GSK_CONNECT_CIPHER_SPEC_EX.access());
        assertEquals(Access.READ_ONLY, BufferAttribute.GSK_SSL_EXTN_SERVERNAME.access());
    }

    @Test
    void supportDecisions() {
        assertTrue(BufferAttribute.GSK_KEYRING_STASH_FILE.supported());
        assertTrue(BufferAttribute.GSK_TLSV13_CIPHER_SPECS_EX.supported());
        assertFalse(BufferAttribute.GSK_V2_CIPHER_SPECS.supported());
        assertTrue(BufferAttribute.GSK_OCSP_URL.supported());
        assertFalse(BufferAttribute.GSK_OCSP_REQUEST_SIGKEYLABEL.supported());
        assertFalse(BufferAttribute.GSK_KEYRING_LABEL_EX.supported());
    }

    @Test
    void lengthLimits() {
        assertEquals(255, BufferAttribute.GSK_SSL_EXTN_SERVERNAME_REQUEST.maxLength());
        assertEquals(4096, BufferAttribute.GSK_TLSV12_CIPHER_SPECS_EX.maxLength());
        for (BufferAttribute a : BufferAttribute.values()) {
            assertTrue(a.maxLength() > 0, a.name());
        }
    }
}
