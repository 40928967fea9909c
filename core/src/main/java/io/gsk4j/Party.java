package io.gsk4j;

/** Which end of the connection refused it: this program, or its peer. */
public enum Party {
    /** This end: our validation, our settings, or our TLS engine said no. */
    LOCAL,
    /** The other end: it sent an alert (or closed) because it would not go on with us. */
    PEER
}
