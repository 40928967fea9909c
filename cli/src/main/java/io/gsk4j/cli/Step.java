package io.gsk4j.cli;

import io.gsk4j.Errno;
import io.gsk4j.GskStatus;
import java.util.regex.Pattern;

/**
 * A gsk_* call that did not return GSK_OK: the call as C would write it, its return code, the
 * errno when the code is GSK_ERROR_IO, and the library's own sentence about it when known.
 */
record Step(String call, int rc, Errno errno, String detail) {
    private static final Pattern STATUS_PREFIX = Pattern.compile("^\\S+ \\(-?\\d+\\)( errno \\S+ \\(\\d+\\))?: ");

    private static final Pattern SETTER_ATTRIBUTE = Pattern.compile("^gsk_attribute_set_\\w+\\(\\w+, (GSK_\\w+),");

    /** The attribute of a failed gsk_attribute_set_* call, else null. */
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

    /** A GskException message without its "NAME (n): " prefix, which the report prints on its own. */
    static String detailOf(String message) {
        if (message == null) {
            return null;
        }
        // a replayed failure carries the prefix twice: strip them all
        String stripped = message;
        for (String before = null; !stripped.equals(before); ) {
            before = stripped;
            stripped = STATUS_PREFIX.matcher(stripped).replaceFirst("");
        }
        return stripped.isBlank() ? null : stripped;
    }
}
