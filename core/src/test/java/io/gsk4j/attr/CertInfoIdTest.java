package io.gsk4j.attr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CertInfoIdTest {

    @Test
    void numbersAndScopes() {
        assertEquals(700, CertInfoId.GSK_PARTNER_CERT_INFO.id());
        assertEquals(701, CertInfoId.GSK_LOCAL_CERT_INFO.id());
        assertFalse(CertInfoId.GSK_PARTNER_CERT_INFO.scope().allows(HandleKind.ENVIRONMENT));
        assertTrue(CertInfoId.GSK_PARTNER_CERT_INFO.scope().allows(HandleKind.SESSION));
        assertTrue(CertInfoId.GSK_LOCAL_CERT_INFO.scope().allows(HandleKind.ENVIRONMENT));
        assertTrue(CertInfoId.GSK_LOCAL_CERT_INFO.scope().allows(HandleKind.SESSION));
        assertEquals(CertInfoId.GSK_LOCAL_CERT_INFO, CertInfoId.fromId(701).orElseThrow());
        assertTrue(CertInfoId.fromId(702).isEmpty());
    }
}
