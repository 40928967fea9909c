package io.gsk4j.attr;

import java.util.List;

/**
 * The columns every attribute ID table shares (buffer, numeric, enum, callback): the number
 * the C API uses, where it may be set, whether it can be set or only read, whether gsk4j honours
 * it, and its spellings (primary name first, then aliases such as the GSK_OS400_ ones).
 */
public record AttributeRow(int id, Scope scope, Access access, boolean supported, List<String> names) {
    public AttributeRow {
        names = List.copyOf(names);
    }
}
