package io.gsk4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** What happened, in one or two sentences, and what to do about it. */
record Explanation(String what, String fix) {
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("what", what);
        m.put("fix", fix);
        return m;
    }
}
