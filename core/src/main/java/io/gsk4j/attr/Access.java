package io.gsk4j.attr;

/** Whether the setter accepts an ID or only the getter does. */
public enum Access {
    READ_WRITE,
    /** Informational value (negotiated cipher, protocol...): a setter call gets GSK_ATTRIBUTE_INVALID_ID. */
    READ_ONLY
}
