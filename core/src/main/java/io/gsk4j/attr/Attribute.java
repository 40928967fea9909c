package io.gsk4j.attr;

import java.util.List;

/**
 * Metadata common to every attribute ID table (buffer, numeric, enum, callback).
 * The core checks each gsk_attribute_* call against it before touching state.
 */
public interface Attribute {

    /** The shared columns of this ID's table row. */
    AttributeRow row();

    /** Primary spelling, e.g. GSK_IBMI_READ_TIMEOUT. */
    String name();

    /** The number the C API uses. */
    default int id() {
        return row().id();
    }

    /** Primary spelling first, then accepted aliases (GSK_OS400_* and the like). */
    default List<String> names() {
        return row().names();
    }

    default Scope scope() {
        return row().scope();
    }

    default Access access() {
        return row().access();
    }

    /**
     * False for an ID that IBM i knows but this implementation does not honour;
     * the core answers GSK_ERROR_UNSUPPORTED instead of GSK_ATTRIBUTE_INVALID_ID.
     */
    default boolean supported() {
        return row().supported();
    }
}
