package io.gsk4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Heap in use after full collections; the smallest of a few readings, so stray garbage does not count. */
final class Heap {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private Heap() {
    }

    static long settledUsedBytes() throws InterruptedException {
        return settledUsedBytes(4);
    }

    static long settledUsedBytes(int readings) throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < readings; i++) {
            System.gc();
            Thread.sleep(200);
            best = Math.min(best, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    /** The first {@code top} lines of the JVM's class histogram (what jcmd GC.class_histogram prints). */
    static String histogram(int top) {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
            String[] lines = String.valueOf(out).split("\n");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(lines.length, top + 2); i++) {
                sb.append("    ").append(lines[i]).append('\n');
            }
            return sb.toString();
        } catch (javax.management.JMException e) {
            return "    (no class histogram: " + e + ")\n";
        }
    }

    static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
