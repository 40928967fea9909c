package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.gsk_attribute_set_buffer;
import static io.gsk4j.compat.Gsk.gsk_attribute_set_enum;
import static io.gsk4j.compat.Gsk.gsk_attribute_set_numeric_value;

import io.gsk4j.compat.GskHandle;
import java.util.function.ToIntFunction;

/**
 * One gsk_attribute_set_* call an option asks for: the attribute's name, the call as a C
 * programmer would write it (passwords masked), and the call itself on a handle.
 */
record Setting(String attribute, String cText, ToIntFunction<GskHandle> call) {

    static Setting buffer(String attribute, int id, String value) {
        return new Setting(attribute, "gsk_attribute_set_buffer({h}, " + attribute + ", \"" + value + "\", 0)",
                h -> gsk_attribute_set_buffer(h, id, value, 0));
    }

    /** A buffer whose value must never be shown: passwords. */
    static Setting secret(String attribute, int id, String value) {
        return new Setting(attribute, "gsk_attribute_set_buffer({h}, " + attribute + ", \"****\", 0)",
                h -> gsk_attribute_set_buffer(h, id, value, 0));
    }

    static Setting enumValue(String attribute, int id, String valueName, int value) {
        return new Setting(attribute, "gsk_attribute_set_enum({h}, " + attribute + ", " + valueName + ")",
                h -> gsk_attribute_set_enum(h, id, value));
    }

    static Setting number(String attribute, int id, int value) {
        return new Setting(attribute, "gsk_attribute_set_numeric_value({h}, " + attribute + ", " + value + ")",
                h -> gsk_attribute_set_numeric_value(h, id, value));
    }

    /** The C text with the handle variable's name filled in. */
    String shown(String handleName) {
        return cText.replace("{h}", handleName);
    }

    int apply(GskHandle handle) {
        return call.applyAsInt(handle);
    }
}
