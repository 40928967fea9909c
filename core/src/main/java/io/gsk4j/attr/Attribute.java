package io.gsk4j.attr;

import java.util.List;

/**
 * Metadata common to every attribute ID table (buffer, numeric, enum, callback).
 * The core checks each gsk_attribute_* call against it before touching state.
 */
public interface Attribute {

    /** The number the C API uses. */
    int id();

    /** Primary spelling, e.g. GSK_IBMI_READ_TIMEOUT. */
    String name();

    /** Primary spelling first, then accepted aliases (GSK_OS400_* and the like). */
    List<String> names();

    Scope scope();

    Access access();

    /**
     * False for an ID that IBM i knows but this implementation does not honour;
     * the core answers GSK_ERROR_UNSUPPORTED instead of GSK_ATTRIBUTE_INVALID_ID.
     */
    boolean supported();
}
