package io.gsk4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Process CPU time from /proc/PID/stat (Linux): user plus system, of the process itself or of its waited-for children. */
final class ProcCpu {
    /** USER_HZ: the unit of the stat file's times, 100 on every Linux platform Java runs on. */
    private static final double TICK_NANOS = 1e9 / 100;

    private ProcCpu() {
    }

    /** CPU of the live process {@code pid} so far, in nanoseconds. */
    static long of(long pid) throws IOException {
        return fromStat(Files.readString(Path.of("/proc/" + pid + "/stat")), false);
    }

    /** From one stat line: utime + stime, or (children) cutime + cstime, in nanoseconds. */
    static long fromStat(String stat, boolean children) {
        // the command name may hold spaces and parentheses: fields are counted after the last ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        int first = children ? 13 : 11; // utime is field 14 of the line, the 12th after the name
        return (long) ((Long.parseLong(f[first]) + Long.parseLong(f[first + 1])) * TICK_NANOS);
    }
}
