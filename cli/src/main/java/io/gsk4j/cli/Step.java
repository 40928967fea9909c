package io.gsk4j.cli;

import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.compat.Gsk;
import java.util.regex.Pattern;

/**
 * A gsk_* call that did not return GSK_OK: the call as C would write it, its return code, the
 * errno when the code is GSK_ERROR_IO, the library's own sentence about it when known, and the
 * failure's facts (alert, certificate problem, which end refused) from {@link Gsk#lastFailure()}.
 */
record Step(String call, int rc, Errno errno, String detail, GskException failure) {
    private static final Pattern SETTER_ATTRIBUTE = Pattern.compile("^gsk_attribute_set_\\w+\\(\\w+, (GSK_\\w+),");

    /** A failure known only by its number and, at most, a sentence of the CLI's own. */
    Step(String call, int rc, Errno errno, String detail) {
        this(call, rc, errno, detail, null);
    }

    /**
     * The step of a compat call that just returned {@code rc} on this thread, with the facts the
     * compat layer kept for it (read at once: the next failing call replaces them).
     */
    static Step failed(String call, int rc, Errno errno) {
        GskException failure = Gsk.lastFailure().filter(e -> e.code() == rc).orElse(null);
        String detail = failure == null || failure.detail().isBlank() ? null : failure.detail();
        return new Step(call, rc, errno, detail, failure);
    }

    /** The attribute of a failed gsk_attribute_set_* call, else null (read from our own call text). */
    String attribute() {
        java.util.regex.Matcher m = SETTER_ATTRIBUTE.matcher(call);
        return m.find() ? m.group(1) : null;
    }

    String statusName() {
        return GskStatus.nameOf(rc);
    }

    /** "6000 GSK_IBMI_ERROR_NOT_TRUSTED_ROOT", with the errno for GSK_ERROR_IO. */
    String result() {
        String text = rc + " " + statusName();
        return errno == null ? text : text + " (errno " + errno.posixName() + " " + errno.code() + ")";
    }
}
