package io.gsk4j.attr;

/** The two kinds of gsk_handle an attribute call can be made on. */
public enum HandleKind {
    /** From gsk_environment_open. */
    ENVIRONMENT,
    /** From gsk_secure_soc_open. */
    SESSION
}
