package io.gsk4j.internal;

import java.util.Arrays;

/**
 * GSK_KEYRING_PW as gsk4j keeps it: one char array per handle that set it, never a String.
 * An environment's sessions share the environment's array instead of copying it; the array
 * is zeroed when the last handle holding it (the environment or one of its open sessions)
 * is closed. IBM lets a program read the password back with gsk_attribute_get_buffer for as
 * long as a handle lives, so it cannot go sooner; only that call makes a String of it.
 */
final class SharedPassword {
    private final char[] value;
    private int holders = 1;

    SharedPassword(char[] value) {
        this.value = value;
    }

    /** One more handle holds it. */
    synchronized SharedPassword retain() {
        if (holders > 0) {
            holders++;
        }
        return this;
    }

    /** A handle holding it was closed; the last one zeroes it. */
    synchronized void release() {
        if (holders > 0 && --holders == 0) {
            Arrays.fill(value, '\0');
        }
    }

    /** A copy the caller owns (and clears), or null once released by every holder. */
    synchronized char[] copy() {
        return holders > 0 ? value.clone() : null;
    }

    synchronized boolean sameAs(SharedPassword other) {
        if (other == this) {
            return true;
        }
        char[] theirs = other.copy();
        try {
            return holders > 0 && theirs != null && Arrays.equals(value, theirs);
        } finally {
            if (theirs != null) {
                Arrays.fill(theirs, '\0');
            }
        }
    }

    @Override
    public String toString() {
        return "GSK_KEYRING_PW[****]";
    }
}
