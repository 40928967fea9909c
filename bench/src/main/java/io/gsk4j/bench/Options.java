package io.gsk4j.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The options of {@code ./gsk4j bench}; {@code --quick} shrinks every budget to a smoke-test run. */
final class Options {
    static final String USAGE = String.join("\n",
            "usage: gsk4j bench [options]",
            "  --seconds S      seconds per measured round (default 1; decimals allowed)",
            "  --rounds N       measured rounds per scenario (default 3); stacks rotate order each round",
            "  --warmup S       uncounted seconds per stack and scenario before the rounds (default 1)",
            "  --scenarios a,b  only scenarios whose name starts with one of these (default: all; see --list)",
            "  --engines a,b    gsk4j engines to measure (default jsse,jsse/session,boringssl; one not available is",
            "                   skipped; NAME/session: GSK4J_BLOCKING_MODE_SWITCH per session instead of per call)",
            "  --openssl false  leave out the OpenSSL processes",
            "  --bulk-mib N     MiB per bulk transfer (default 64)",
            "  --sessions N     idle sessions for the heap scenario (default 500)",
            "  --json           one JSON object per line, per scenario and engine",
            "  --quick          a tiny run for smoke tests (0.2 s rounds, 1 round, no warm-up)",
            "  --list           print the scenario names and exit");

    double seconds = 1;
    int rounds = 3;
    double warmup = 1;
    List<String> scenarios = List.of();
    List<String> engines = List.of("jsse", "jsse/session", "boringssl");
    boolean openssl = true;
    int bulkMib = 64;
    int sessions = 500;
    boolean json;
    boolean quick;
    boolean list;
    boolean help;

    static Options parse(String... argv) {
        Options o = new Options();
        List<String> explicit = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            switch (a) {
                case "--json": o.json = true; continue;
                case "--quick": o.quick = true; continue;
                case "--list": o.list = true; continue;
                case "--help": case "-h": o.help = true; continue;
                default: break;
            }
            if (!a.startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + a);
            }
            String v = argv[++i];
            explicit.add(a);
            switch (a) {
                case "--seconds": o.seconds = positive(a, Double.parseDouble(v)); break;
                case "--rounds": o.rounds = (int) positive(a, Integer.parseInt(v)); break;
                case "--warmup": o.warmup = Double.parseDouble(v); break;
                case "--scenarios": o.scenarios = split(v); break;
                case "--engines": o.engines = split(v); break;
                case "--openssl": o.openssl = Boolean.parseBoolean(v); break;
                case "--bulk-mib": o.bulkMib = (int) positive(a, Integer.parseInt(v)); break;
                case "--sessions": o.sessions = (int) positive(a, Integer.parseInt(v)); break;
                default: throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (o.quick) { // a smoke run, unless an option says otherwise
            if (!explicit.contains("--seconds")) o.seconds = 0.2;
            if (!explicit.contains("--rounds")) o.rounds = 1;
            if (!explicit.contains("--warmup")) o.warmup = 0;
            if (!explicit.contains("--bulk-mib")) o.bulkMib = 2;
            if (!explicit.contains("--sessions")) o.sessions = 10;
        }
        return o;
    }

    long roundNanos() {
        return (long) (seconds * 1e9);
    }

    long warmupNanos() {
        return (long) (warmup * 1e9);
    }

    boolean selected(String scenario) {
        return scenarios.isEmpty() || scenarios.stream().anyMatch(scenario::startsWith);
    }

    private static double positive(String name, double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return v;
    }

    private static List<String> split(String v) {
        return Arrays.stream(v.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }
}
