package io.gsk4j.attr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CallbackAttributeTest {

    @Test
    void idsAreUnique() {
        Set<Integer> ids = Arrays.stream(CallbackAttribute.values()).map(CallbackAttribute::id)
                .collect(Collectors.toSet());
        assertEquals(CallbackAttribute.values().length, ids.size());
    }

    @Test
    void numbersAndSupport() {
        assertEquals(805, CallbackAttribute.GSK_CERT_VALIDATION_CALLBACK.id());
        assertEquals(CallbackAttribute.GSK_ENVIRONMENT_CLOSE_CALLBACK, CallbackAttribute.fromId(804).orElseThrow());
        assertEquals(CallbackAttribute.GSK_CIPHER_SESSION_RESET, CallbackAttribute.fromId(807).orElseThrow());
        assertTrue(CallbackAttribute.fromId(806).isEmpty());
        for (CallbackAttribute a : CallbackAttribute.values()) {
            // a callback turns supported when its behaviour is tested end to end
            assertEquals(a == CallbackAttribute.GSK_CERT_VALIDATION_CALLBACK, a.supported(), a.name());
            assertEquals(Scope.BOTH, a.scope());
            assertEquals(Access.READ_WRITE, a.access());
        }
        assertFalse(CallbackAttribute.GSK_IO_CALLBACK.supported());
    }
}
