package io.gsk4j.internal;

import io.gsk4j.TlsEngine;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.spi.TlsEngineFactory;
import io.gsk4j.spi.TlsEngineSettings;
import io.gsk4j.spi.TlsEngineSource;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Chooses an environment's TLS engine: GSK4J_TLS_ENGINE when the program set it, else the system
 * property {@code gsk4j.engine}, else SunJSSE. An engine that cannot be found or cannot load
 * leaves the environment on SunJSSE with the reason reported (Environment#engine() and a warning
 * in the log): init never fails because of the engine choice.
 */
public final class TlsEngines {
    /** The system property for programs that cannot set GSK4J_TLS_ENGINE: {@code jsse} or {@code boringssl}. */
    public static final String PROPERTY = "gsk4j.engine";

    private static final System.Logger LOG = System.getLogger(TlsEngines.class.getName());

    /** An environment's engine source with the report of what it is. */
    public record Opened(TlsEngineSource source, TlsEngine report) {
    }

    private TlsEngines() {
    }

    /** The engine asked for, lower case: the attribute's when set, else the property's, else jsse. */
    public static String requested(AttributeValues values) {
        if (values.isSet(EnumAttribute.GSK4J_TLS_ENGINE)) {
            return nameOf(values.enumValue(EnumAttribute.GSK4J_TLS_ENGINE));
        }
        String property = System.getProperty(PROPERTY);
        return property == null || property.isBlank() ? TlsEngine.JSSE : property.trim().toLowerCase(Locale.ROOT);
    }

    /** The attribute's value for a requested engine name (JSSE for a name the attribute has no value for). */
    public static EnumValue valueOf(String name) {
        return TlsEngine.BORINGSSL.equals(name) ? EnumValue.GSK4J_TLS_ENGINE_BORINGSSL : EnumValue.GSK4J_TLS_ENGINE_JSSE;
    }

    private static String nameOf(EnumValue value) {
        return value == EnumValue.GSK4J_TLS_ENGINE_BORINGSSL ? TlsEngine.BORINGSSL : TlsEngine.JSSE;
    }

    /**
     * The engine source for these attributes.
     *
     * @throws GeneralSecurityException only when SunJSSE itself cannot be set up
     */
    public static Opened open(AttributeValues values, TlsEngineSettings settings) throws GeneralSecurityException {
        String wanted = requested(values);
        String reason = null;
        if (!TlsEngine.JSSE.equals(wanted)) {
            try {
                Optional<TlsEngineFactory> factory = find(wanted);
                if (factory.isPresent()) {
                    TlsEngineSource source = factory.get().open(settings);
                    return new Opened(source, new TlsEngine(wanted, source.implementation(), wanted, Optional.empty()));
                }
                reason = "no TLS engine named \"" + wanted + "\" is on the class path or module path"
                        + (TlsEngine.BORINGSSL.equals(wanted) ? " (it is in the module io.gsk4j:gsk4j-boringssl)" : "");
            } catch (Exception | LinkageError | ServiceConfigurationError e) {
                reason = "the " + wanted + " engine could not be loaded: " + describe(e);
            }
            LOG.log(System.Logger.Level.WARNING, "gsk4j runs this environment on SunJSSE: {0}", reason);
        }
        TlsEngineSource jsse = new JsseEngineFactory().open(settings);
        return new Opened(jsse, new TlsEngine(TlsEngine.JSSE, jsse.implementation(), wanted, Optional.ofNullable(reason)));
    }

    private static Optional<TlsEngineFactory> find(String name) {
        for (TlsEngineFactory f : ServiceLoader.load(TlsEngineFactory.class, TlsEngineFactory.class.getClassLoader())) {
            if (name.equals(f.name())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The failure and its causes, one line: a native library's refusal is usually in a cause. */
    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 600; t = t.getCause()) {
            if (out.length() > 0) {
                out.append("; caused by ");
            }
            out.append(t.getClass().getName());
            if (t.getMessage() != null) {
                out.append(": ").append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return out.toString();
    }
}
