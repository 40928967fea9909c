package io.gsk4j.attr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** Builds the static lookup maps; a duplicate number or name is a table bug, so it fails class loading. */
final class Tables {

    private Tables() {
    }

    static <T> Map<Integer, T> byId(T[] values, ToIntFunction<T> id) {
        Map<Integer, T> map = new HashMap<>();
        for (T v : values) {
            T old = map.put(id.applyAsInt(v), v);
            if (old != null) {
                throw new IllegalStateException("duplicate number " + id.applyAsInt(v) + ": " + old + ", " + v);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    static <T> Map<String, T> byName(T[] values, Function<T, List<String>> names) {
        Map<String, T> map = new HashMap<>();
        for (T v : values) {
            for (String n : names.apply(v)) {
                T old = map.put(n, v);
                if (old != null) {
                    throw new IllegalStateException("duplicate name " + n + ": " + old + ", " + v);
                }
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** Primary name followed by the aliases, immutable. */
    static List<String> names(String primary, String... aliases) {
        List<String> list = new ArrayList<>(1 + aliases.length);
        list.add(primary);
        Collections.addAll(list, aliases);
        return List.copyOf(list);
    }
}
