package io.gsk4j.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.GskStatus;
import io.gsk4j.ValidationReason;
import io.gsk4j.internal.validation.ValidationPolicy.Profile;
import io.gsk4j.internal.validation.ValidationPolicy.Purpose;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The policy record and the reason table: numbers, ranges, statuses. */
class ValidationPolicyTest {

    @Test
    void defaults() {
        ValidationPolicy p = ValidationPolicy.defaults(Purpose.CLIENT);
        assertEquals(Profile.RFC5280, p.profile(), "the default is the GSKit-faithful profile");
        assertEquals(10, p.maxDepth());
        assertNull(p.expectedHostname());
        assertEquals(Purpose.CLIENT, p.purpose());
        assertNull(p.withExpectedHostname("  ").expectedHostname(), "a blank host name means no host check");
        assertThrows(NullPointerException.class, () -> new ValidationPolicy(null, 10, null, Purpose.SERVER));
        assertThrows(NullPointerException.class, () -> new ValidationPolicy(Profile.STRICT, 10, null, null));
        assertEquals("1.3.6.1.5.5.7.3.1", Purpose.SERVER.ekuOid());
        assertEquals("1.3.6.1.5.5.7.3.2", Purpose.CLIENT.ekuOid());
    }

    @Test
    void everyReasonHasAStableNumberASectionAndARefusingStatus() {
        Set<GskStatus> allowed = EnumSet.of(GskStatus.GSK_ERROR_CERT_VALIDATION, GskStatus.GSK_ERROR_BAD_CERTIFICATE,
                GskStatus.GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE);
        for (ValidationReason r : ValidationReason.values()) {
            boolean gskval = r.code() >= 575001 && r.code() <= 575068;
            boolean ours = r.code() >= 576001 && r.code() <= 576999;
            assertTrue(gskval || ours, r + " " + r.code());
            assertEquals(gskval, r.gskitName().isPresent(), r.name());
            assertTrue(allowed.contains(r.status()), r.name());
            assertFalse(r.section().isBlank());
            assertFalse(r.explanation().isBlank());
            assertEquals(r, ValidationReason.fromCode(r.code()).orElseThrow());
        }
        assertEquals(575019, ValidationReason.UNKNOWN_CRITICAL_EXTENSION.code());
        assertEquals(575047, ValidationReason.NAME_NOT_PERMITTED.code());
        assertEquals(576001, ValidationReason.CHAIN_TOO_LONG.code());
    }
}
