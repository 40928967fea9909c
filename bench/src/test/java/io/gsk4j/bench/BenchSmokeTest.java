package io.gsk4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The benchmark command runs and prints what it promises. Timing values are never judged
 * (a benchmark is not a test): only that each is a positive number or null, and that the
 * stacks that must run did.
 */
class BenchSmokeTest {
    private static final List<String> FIELDS = List.of("scenario", "unit", "gsk4j", "engine", "jsse", "openssl",
            "ratio_vs_jsse", "ratio_vs_openssl", "java", "cores");

    @Test
    @Timeout(60)
    void quickJsonRunPrintsOneWellFormedObjectPerScenarioAndEngine() throws Exception {
        Run run = run("--quick", "--json", "--engines", "jsse,boringssl", "--scenarios",
                "hs-full-tls13-ecdsa,mem-full-tls13-ecdsa,bulk-upload-tls13,echo,heap");
        assertEquals(0, run.code, run.err);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : run.out.split("\n")) {
            if (!line.isBlank()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> row = (Map<String, Object>) Json.parse(line);
                rows.add(row);
            }
        }
        Set<String> scenarios = new TreeSet<>();
        Set<String> engines = new TreeSet<>();
        for (Map<String, Object> row : rows) {
            assertEquals(FIELDS, new ArrayList<>(row.keySet()).subList(0, FIELDS.size()), "field order: " + row);
            scenarios.add((String) row.get("scenario"));
            assertFalse(((String) row.get("unit")).isBlank(), row.toString());
            for (String f : List.of("gsk4j", "jsse", "openssl", "ratio_vs_jsse", "ratio_vs_openssl")) {
                Object v = row.get(f);
                assertTrue(v == null || v instanceof Double d && d > 0, f + " must be a positive number or null: " + row);
            }
            assertEquals(System.getProperty("java.runtime.version"), row.get("java"));
            assertEquals((double) Runtime.getRuntime().availableProcessors(), row.get("cores"));
            // the Java stacks must have run every scenario here; only OpenSSL may be missing from the machine
            assertTrue(row.get("gsk4j") instanceof Double, "gsk4j ran: " + row);
            assertTrue(row.get("jsse") instanceof Double, "JSSE ran: " + row);
            engines.add((String) row.get("engine"));
            @SuppressWarnings("unchecked")
            List<Object> notes = (List<Object>) row.get("notes");
            // OpenSSL's programs and Python depend on the machine; the Java stacks must not fail
            assertTrue(notes.stream().map(String.class::cast).noneMatch(n -> !n.startsWith("openssl") && n.contains("failed")),
                    "no Java stack failed: " + row);
        }
        assertEquals(Set.of("hs-full-tls13-ecdsa", "mem-full-tls13-ecdsa", "bulk-upload-tls13-ecdsa",
                "echo-1k-p50-tls13-ecdsa", "echo-1k-p99-tls13-ecdsa", "heap-idle-tls13-ecdsa"), scenarios);
        Map<String, Object> heap = rows.stream().filter(r -> r.get("scenario").equals("heap-idle-tls13-ecdsa")).findFirst()
                .orElseThrow();
        assertNull(heap.get("openssl"), "OpenSSL has no heap figure");
        Map<String, Object> bulk = rows.stream().filter(r -> r.get("scenario").equals("bulk-upload-tls13-ecdsa")).findFirst()
                .orElseThrow();
        assertTrue(bulk.get("tcp") instanceof Double d && d > 0, "plain TCP's bulk ceiling: " + bulk);
        assertNull(heap.get("tcp"), "plain TCP is measured for bulk only");
        assertTrue(engines.contains("jsse"), engines.toString());
        // an engine asked for is either measured or skipped with its reason
        assertTrue(engines.contains("boringssl") != run.err.contains("gsk4j engine boringssl: skipped, "), run.err);
        assertEquals(engines.contains("boringssl") ? 2 * 6 : 6, rows.size(), run.out);
    }

    @Test
    void anUnknownOptionIsAUsageError() throws Exception {
        Run run = run("--no-such-option", "1");
        assertEquals(2, run.code);
        assertTrue(run.err.contains("usage: gsk4j bench"), run.err);
        assertEquals("", run.out);
    }

    @Test
    void listNamesEveryScenarioWithoutMeasuring() throws Exception {
        Run run = run("--list");
        assertEquals(0, run.code, run.err);
        assertTrue(run.out.contains("hs-resumed-tls12-rsa"), run.out);
        assertTrue(run.out.contains("mem-full-tls13-ecdsa"), run.out);
        assertEquals(Scenario.all().size(), run.out.strip().split("\n").length);
    }

    @Test
    void processCpuIsReadAfterTheCommandName() {
        // a command name may hold spaces and parentheses; utime 150, stime 50, cutime 7, cstime 3 ticks
        String stat = "4242 (s_time (x) y) S 1 2 3 4 5 6 7 8 9 10 150 50 7 3 20 0 1 0 100 200 300";
        assertEquals(2_000_000_000L, ProcCpu.fromStat(stat, false));
        assertEquals(100_000_000L, ProcCpu.fromStat(stat, true));
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Bench.run(args, o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
