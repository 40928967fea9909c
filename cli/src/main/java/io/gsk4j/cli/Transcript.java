package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.GSK_ERROR_IO;
import static io.gsk4j.compat.Gsk.GSK_OK;
import static io.gsk4j.compat.Gsk.errnoName;
import static io.gsk4j.compat.Gsk.gsk_strerror;

import io.gsk4j.GskStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The gsk_* calls of one demo part, in the order they returned on either side. Lines are
 * kept until the part is over, so the columns can be aligned and the server thread's lines
 * never cut into the client's.
 */
final class Transcript {
    /** One call: which side made it, what it looked like in C, what it returned. */
    record Call(String side, String text, int rc, String errno) {
        boolean ok() {
            return rc == GSK_OK;
        }
    }

    private final List<Call> calls = new ArrayList<>();

    /** Records a call made by the current thread; reads errno here, as C must right after the call. */
    synchronized int record(String side, String text, int rc) {
        String errno = rc == GSK_ERROR_IO ? errnoName() : "";
        calls.add(new Call(side, text, rc, errno));
        return rc;
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /**
     * Prints every call, grouped by side in the order the sides first appear, so each block
     * reads like the C program that made the calls; within a side the order is the real one.
     */
    void printBySide(PrintWriter out, String indent) {
        List<Call> all = calls();
        int width = all.stream().mapToInt(c -> c.text().length()).max().orElse(0);
        Set<String> sides = new LinkedHashSet<>();
        all.forEach(c -> sides.add(c.side()));
        for (String side : sides) {
            out.println(indent + side + " program");
            for (Call c : all) {
                if (c.side().equals(side)) {
                    out.printf("%s  %-" + width + "s = %s%n", indent, c.text(), result(c.rc(), c.errno()));
                }
            }
        }
    }

    /** Each call that did not return GSK_OK, with the gsk_strerror text under it. */
    void printFailures(PrintWriter out, String indent) {
        List<Call> failed = calls().stream().filter(c -> !c.ok()).toList();
        int width = failed.stream().mapToInt(c -> c.text().length()).max().orElse(0);
        for (Call c : failed) {
            out.printf("%s%-6s  %-" + width + "s = %s%n", indent, c.side(), c.text(), result(c.rc(), c.errno()));
            out.printf("%s%-6s  gsk_strerror: %s%n", indent, "", gsk_strerror(c.rc()));
        }
    }

    /** "0 GSK_OK", or "406 GSK_ERROR_IO (errno ECONNRESET)". */
    static String result(int rc, String errno) {
        String text = rc + " " + GskStatus.nameOf(rc);
        return errno == null || errno.isEmpty() ? text : text + " (errno " + errno + ")";
    }
}
