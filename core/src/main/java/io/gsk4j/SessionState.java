package io.gsk4j;

/** Where a session is in its life; with the sticky error it decides what each call returns. */
public enum SessionState {
    /** Opened; attributes may be set; no handshake yet. */
    OPEN,
    /** A handshake is running (or was interrupted and may be resumed). */
    HANDSHAKING,
    /** The handshake succeeded: data may flow. */
    SECURE,
    /** A fatal error happened: every call returns it again; only close proceeds. */
    FAILED,
    /** Closed: the handle is no longer valid. */
    CLOSED
}
