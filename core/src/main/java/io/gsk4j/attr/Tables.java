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

    /** Both lookups of one attribute table, by number and by any spelling. */
    static final class Lookup<T extends Attribute> {
        private final Map<Integer, T> byId;
        private final Map<String, T> byName;

        Lookup(T[] values) {
            this.byId = byId(values, Attribute::id);
            this.byName = byName(values, Attribute::names);
        }

        java.util.Optional<T> id(int id) {
            return java.util.Optional.ofNullable(byId.get(id));
        }

        java.util.Optional<T> name(String name) {
            return java.util.Optional.ofNullable(byName.get(name));
        }
    }

    /** Primary name followed by the aliases, immutable. */
    static List<String> names(String primary, String... aliases) {
        List<String> list = new ArrayList<>(1 + aliases.length);
        list.add(primary);
        Collections.addAll(list, aliases);
        return List.copyOf(list);
    }
}
