package io.gsk4j.cli;

import io.gsk4j.TlsEngine;
import java.util.LinkedHashMap;
import java.util.Map;

/** How the reports name the TLS engine an environment ran on, and why when it fell back. */
final class EngineReport {
    private EngineReport() {
    }

    /** "boringssl (BoringSSL (netty-tcnative 2.0.84.Final))", or the fallback with its reason. */
    static String text(TlsEngine engine) {
        String running = engine.name() + " (" + engine.implementation() + ")";
        return engine.fallbackReason()
                .map(why -> running + "; " + engine.requested() + " was asked for and fell back: " + why)
                .orElse(running);
    }

    static Map<String, Object> toJson(TlsEngine engine) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", engine.name());
        m.put("implementation", engine.implementation());
        m.put("requested", engine.requested());
        m.put("fallbackReason", engine.fallbackReason().orElse(null));
        return m;
    }
}
