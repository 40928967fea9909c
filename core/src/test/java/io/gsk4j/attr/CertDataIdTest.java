package io.gsk4j.attr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CertDataIdTest {

    @Test
    void idsAreUnique() {
        Set<Integer> ids = Arrays.stream(CertDataId.values()).map(CertDataId::id).collect(Collectors.toSet());
        assertEquals(CertDataId.values().length, ids.size());
    }

    @Test
    void numbersMatchSpec() {
        assertEquals(600, CertDataId.CERT_BODY_DER.id());
        assertEquals(616, CertDataId.CERT_DN_PRINTABLE.id());
        assertEquals(656, CertDataId.CERT_ISSUER_DN_PRINTABLE.id());
        assertEquals(662, CertDataId.CERT_VALID_FROM.id());
        assertEquals(663, CertDataId.CERT_VALID_TO.id());
        assertEquals(CertDataId.CERT_VALID_TO_EX, CertDataId.fromId(682).orElseThrow());
        assertTrue(CertDataId.fromId(603).isEmpty());
    }

    @Test
    void onlyDerFieldsAreBinary() {
        Set<CertDataId> binary = EnumSet.noneOf(CertDataId.class);
        for (CertDataId d : CertDataId.values()) {
            if (d.binary()) {
                binary.add(d);
            }
        }
        assertEquals(EnumSet.of(CertDataId.CERT_BODY_DER, CertDataId.CERT_DN_DER, CertDataId.CERT_ISSUER_DN_DER),
                binary);
    }
}
