package io.gsk4j.bench;

import io.gsk4j.Environment;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The gsk4j engine a run asks for, through the system property gsk4j reads when an environment
 * is initialised ({@code gsk4j.engine=jsse|boringssl}), and the engine gsk4j says it used.
 * Until core has a public way to say so, the requested name is reported for "jsse", and any
 * other engine is skipped, since nothing could show that it was really used.
 */
final class EngineChoice {
    static final String PROPERTY = "gsk4j.engine";
    /** Names of a no-argument Environment method that reports the engine, tried in order. */
    private static final String[] REPORTERS = {"engine", "engineName"};

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

    /** The engine an initialised environment says it runs on, if gsk4j can say. */
    static Optional<String> reported(Environment env) {
        for (String name : REPORTERS) {
            try {
                Method m = Environment.class.getMethod(name);
                Object v = m.invoke(env);
                if (v instanceof Optional<?> o) {
                    v = o.orElse(null);
                }
                if (v != null) {
                    return Optional.of(v.toString().toLowerCase(Locale.ROOT));
                }
            } catch (NoSuchMethodException e) {
                // not in this version of gsk4j
            } catch (ReflectiveOperationException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The engine to report for {@code requested}, or why it cannot be measured. */
    static Choice check(String requested, BenchPki pki) {
        Optional<String> used;
        try {
            used = with(requested, () -> {
                try (Environment env = new Suite(true, CertKind.ECDSA).environment(
                        io.gsk4j.attr.EnumValue.GSK_SERVER_SESSION, pki.serverStore)) {
                    return reported(env);
                }
            });
        } catch (Exception e) {
            return new Choice(requested, null, "an environment with " + PROPERTY + "=" + requested + " failed: " + e);
        }
        if (used.isPresent()) {
            return used.get().contains(requested) ? new Choice(requested, used.get(), null)
                    : new Choice(requested, null, "gsk4j used " + used.get() + " when asked for " + requested);
        }
        if (requested.equals("jsse")) {
            return new Choice(requested, requested, null); // today's only engine
        }
        return new Choice(requested, null, "this gsk4j cannot report its engine, so " + PROPERTY + "=" + requested
                + " cannot be shown to take effect (no engine choice yet)");
    }

    /** The engine asked for, the one reported (null when skipped) and why it was skipped. */
    record Choice(String requested, String used, String skipped) {
    }
}
