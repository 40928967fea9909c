package io.gsk4j.compat;

/** A {@code const char **} output parameter of gsk_attribute_get_buffer. */
public final class StringRef {
    public String value;

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
