package io.gsk4j.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gsk4j.support.ForkedJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Running out of memory while the validation rules are first built (a process's first chain
 * validation under a full heap) fails that validation only. Before, the rules were built by a
 * static initialiser: once it had failed the class stayed unusable, and every later validation in
 * the process failed (GSK_INSUFFICIENT_STORAGE, 4, on every handshake).
 */
class LowMemoryRulesTest {
    @Test
    void rulesThatRanOutOfMemoryAreBuiltAgain() throws Exception {
        ForkedJvm.Result r = ForkedJvm.run(60, List.of("-Xmx48m", "-XX:-UsePerfData"), LowMemoryRulesMain.class);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of("first: java.lang.OutOfMemoryError", "then: STRICT=GSK_OK RFC5280=GSK_OK JDK=GSK_OK"),
                r.stdout().lines().toList(), r::toString);
    }
}
