package io.gsk4j.attr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScopeTest {

    @Test
    void allows() {
        assertTrue(Scope.ENVIRONMENT.allows(HandleKind.ENVIRONMENT));
        assertFalse(Scope.ENVIRONMENT.allows(HandleKind.SESSION));
        assertTrue(Scope.SESSION.allows(HandleKind.SESSION));
        assertFalse(Scope.SESSION.allows(HandleKind.ENVIRONMENT));
        assertTrue(Scope.BOTH.allows(HandleKind.SESSION));
        assertTrue(Scope.BOTH.allows(HandleKind.ENVIRONMENT));
    }

    /** A getter-only value describes a negotiated session; an environment never has one. */
    @Test
    void everyReadOnlyAttributeIsSessionScoped() {
        List<Attribute> all = new ArrayList<>();
        all.addAll(Arrays.asList(BufferAttribute.values()));
        all.addAll(Arrays.asList(NumericAttribute.values()));
        all.addAll(Arrays.asList(EnumAttribute.values()));
        all.addAll(Arrays.asList(CallbackAttribute.values()));
        for (Attribute a : all) {
            if (a.access() == Access.READ_ONLY) {
                assertEquals(Scope.SESSION, a.scope(), a.name());
            }
            assertEquals(a.name(), a.names().get(0), "primary name first");
        }
    }
}
