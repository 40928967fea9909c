package io.gsk4j.bench;

import io.gsk4j.Environment;
import io.gsk4j.TlsEngine;
import java.util.concurrent.Callable;

/**
 * The gsk4j engine a run asks for, through the system property gsk4j reads when an environment
 * is initialised ({@code gsk4j.engine=jsse|boringssl}), and the engine the environment says it
 * runs on ({@link Environment#engine()}): an engine that fell back is skipped with gsk4j's reason.
 */
final class EngineChoice {
    static final String PROPERTY = "gsk4j.engine";

    private EngineChoice() {
    }

    /** Runs {@code action} (which initialises environments) with the property naming {@code engine}. */
    static synchronized <T> T with(String engine, Callable<T> action) throws Exception {
        String before = System.getProperty(PROPERTY);
        System.setProperty(PROPERTY, engine);
        try {
            return action.call();
        } finally {
            if (before == null) {
                System.clearProperty(PROPERTY);
            } else {
                System.setProperty(PROPERTY, before);
            }
        }
    }

    /** The engine an initialised environment runs on, or why it is not the one asked for. */
    private static Choice reported(String requested, Environment env) throws Exception {
        TlsEngine used = env.engine();
        if (used.fellBack()) {
            return new Choice(requested, null, "gsk4j fell back to " + used.name() + ": " + used.fallbackReason().orElse(""));
        }
        return new Choice(requested, used.name(), null);
    }

    /** The engine to report for {@code requested}, or why it cannot be measured. */
    static Choice check(String requested, BenchPki pki) {
        try {
            return with(requested, () -> {
                try (Environment env = new Suite(true, CertKind.ECDSA).environment(
                        io.gsk4j.attr.EnumValue.GSK_SERVER_SESSION, pki.serverStore)) {
                    return reported(requested, env);
                }
            });
        } catch (Exception e) {
            return new Choice(requested, null, "an environment with " + PROPERTY + "=" + requested + " failed: " + e);
        }
    }

    /** The engine asked for, the one reported (null when skipped) and why it was skipped. */
    record Choice(String requested, String used, String skipped) {
    }
}
