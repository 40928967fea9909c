package io.gsk4j.support;

import org.junit.jupiter.api.Assumptions;

/**
 * The TLS engine the suite runs on: SunJSSE in core, BoringSSL when the gsk4j-boringssl module
 * runs the same tests with {@code -Dgsk4j.engine=boringssl}. A test of something an engine
 * cannot produce skips itself there, with the reason docs/CONFORMANCE.md gives.
 */
public final class Engines {
    private Engines() {
    }

    public static boolean boringSsl() {
        return "boringssl".equalsIgnoreCase(System.getProperty("gsk4j.engine", "").trim());
    }

    /** Skips the calling test on BoringSSL; {@code why} names the engine's limit. */
    public static void assumeNotBoringSsl(String why) {
        Assumptions.assumeFalse(boringSsl(), () -> "not on the BoringSSL engine: " + why);
    }
}
