package io.gsk4j.cli;

/**
 * A command could not do its work for a reason the user can fix (wrong password, missing
 * file, label taken). Main prints the message as one line and exits 1; no stack trace.
 */
final class CommandFailure extends Exception {
    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message);
    }

    CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
