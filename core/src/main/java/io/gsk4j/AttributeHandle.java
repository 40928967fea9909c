package io.gsk4j;

import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.HandleKind;
import io.gsk4j.attr.NumericAttribute;

/**
 * The attribute functions of a GSKit handle (gsk_attribute_set_* and gsk_attribute_get_*),
 * which in C take an environment or a session alike. {@link Environment} and {@link Session}
 * implement it; each applies the scope, state and value rules of the attribute tables.
 */
public interface AttributeHandle {
    /** Whether this handle is an environment or a session (decides which attributes it takes). */
    HandleKind handleKind();

    /** gsk_attribute_set_buffer. */
    void set(BufferAttribute id, String value) throws GskException;

    /** gsk_attribute_set_numeric_value. */
    void set(NumericAttribute id, int value) throws GskException;

    /** gsk_attribute_set_enum; a null value is refused after the ID and state checks. */
    void set(EnumAttribute id, EnumValue value) throws GskException;

    /**
     * gsk_attribute_set_callback(GSK_CERT_VALIDATION_CALLBACK): the application's own check of
     * the peer's chain. Null removes it.
     */
    void setValidationCallback(CertValidationCallback callback) throws GskException;

    /** gsk_attribute_get_buffer: the value, or an empty string when none is set. */
    String getBuffer(BufferAttribute id) throws GskException;

    /** gsk_attribute_get_numeric_value. */
    int getNumeric(NumericAttribute id) throws GskException;

    /** gsk_attribute_get_enum. */
    EnumValue getEnum(EnumAttribute id) throws GskException;
}
