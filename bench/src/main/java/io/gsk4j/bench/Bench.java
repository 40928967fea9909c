package io.gsk4j.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./gsk4j bench}: gsk4j (on each engine asked for), plain JSSE and OpenSSL on the same
 * loopback, certificates, protocol and suite, in one run. Every scenario runs its stacks in
 * rounds whose order rotates; rates come with the CPU spent per operation; the report gives
 * medians and the spread over rounds. Progress goes to standard error, the table (or, with
 * {@code --json}, one JSON object per line) to standard output. See docs/BENCHMARKS.md.
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] argv) throws Exception {
        int code = run(argv, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the bench; returns 0, or 2 for a usage error. */
    static int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Options o;
        try {
            o = Options.parse(argv);
        } catch (IllegalArgumentException e) {
            err.println("gsk4j bench: " + e.getMessage());
            err.println(Options.USAGE);
            return 2;
        }
        if (o.help) {
            out.println(Options.USAGE);
            return 0;
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (Scenario s : Scenario.all()) {
            if (o.selected(s.name())) {
                scenarios.add(s);
            }
        }
        if (o.list) {
            scenarios.forEach(s -> out.println(s.name() + "  (" + s.kind().unit + ", " + s.suite().label() + ")"));
            return 0;
        }
        if (scenarios.isEmpty()) {
            err.println("gsk4j bench: no scenario starts with " + o.scenarios + " (see --list)");
            return 2;
        }
        long began = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        err.printf("gsk4j bench: %d processors, Java %s (%s), max heap %d MiB; %d round(s) of %s s, warm-up %s s%n",
                rt.availableProcessors(), System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"),
                rt.maxMemory() >> 20, o.rounds, o.seconds, o.warmup);
        BenchPki pki = BenchPki.create();
        List<Contender> gsks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String engine : o.engines) {
            boolean perSession = engine.endsWith(GskContender.PER_SESSION);
            String name = perSession ? engine.substring(0, engine.length() - GskContender.PER_SESSION.length()) : engine;
            EngineChoice.Choice c = EngineChoice.check(name, pki);
            if (c.skipped() != null) {
                skipped.add("gsk4j engine " + engine + ": skipped, " + c.skipped());
                err.println(skipped.get(skipped.size() - 1));
            } else {
                gsks.add(new GskContender(pki, c, perSession));
            }
        }
        Contender jsse = new JsseContender(pki);
        OpenSslContender openssl = null;
        if (o.openssl) {
            StringBuilder why = new StringBuilder();
            openssl = OpenSslContender.create(pki, why);
            if (why.length() > 0) {
                err.println(why);
            }
            if (openssl != null) {
                err.println("openssl: " + openssl.version);
            }
        } else {
            err.println("openssl: left out (--openssl false)");
        }
        List<Contender> all = new ArrayList<>(gsks);
        all.add(jsse);
        if (openssl != null) {
            all.add(openssl);
        }
        Contender tcp = new TcpContender();
        all.add(tcp);
        Contender.Budget budget = new Contender.Budget((long) o.bulkMib << 20, o.sessions, o.quick ? 2 : 4);
        Report report = new Report();
        for (Scenario sc : scenarios) {
            report.add(measure(sc, all, o, budget, err), gsks, jsse, openssl, tcp);
        }
        if (o.json) {
            report.printJson(out);
        } else {
            out.printf("gsk4j bench, %d processors, Java %s, %d round(s) of %s s%n", rt.availableProcessors(),
                    System.getProperty("java.runtime.version"), o.rounds, o.seconds);
            skipped.forEach(out::println);
            report.printTable(out);
        }
        err.printf(Locale.ROOT, "gsk4j bench: done in %.0f s%n", (System.nanoTime() - began) / 1e9);
        return 0;
    }

    private static Results measure(Scenario sc, List<Contender> all, Options o, Contender.Budget budget, PrintStream err) {
        Results r = new Results(sc);
        List<Contender> able = new ArrayList<>();
        for (Contender c : all) {
            String why = c.unsupported(sc);
            if (why == null) {
                able.add(c);
            } else {
                r.missing.put(c, why);
                r.notes.add(Results.label(c) + ": not measured, " + why);
            }
        }
        if (o.warmupNanos() > 0 && sc.kind() != Scenario.Kind.HEAP) {
            Contender.Budget warm = new Contender.Budget(budget.bulkBytes() / 4, budget.sessions(), budget.heapReadings());
            for (Contender c : able) {
                if (!c.stack().equals("openssl")) { // native code has no JIT to warm up
                    try {
                        c.run(sc, o.warmupNanos(), warm);
                    } catch (Exception e) {
                        r.fail(c, "failed in warm-up: " + e);
                    }
                }
            }
        }
        for (int round = 0; round < o.rounds; round++) {
            // the order rotates: the JIT and the machine's load drift, which would favour one position
            StringBuilder line = new StringBuilder(String.format("%s round %d:", sc.name(), round + 1));
            for (int k = 0; k < able.size(); k++) {
                Contender c = able.get((k + round) % able.size());
                if (r.missing.containsKey(c)) {
                    continue;
                }
                try {
                    Sample s = c.run(sc, o.roundNanos(), budget);
                    r.add(c, s);
                    line.append(' ').append(Results.label(c));
                    s.figures().forEach(f -> line.append(' ').append(Report.num(f)));
                    if (!Double.isNaN(s.cpuMicrosPerOp())) {
                        line.append(String.format(Locale.ROOT, " (%.1f us CPU)", s.cpuMicrosPerOp()));
                    }
                } catch (Exception e) {
                    r.fail(c, "failed: " + e);
                    line.append(" ").append(Results.label(c)).append(" failed");
                }
            }
            err.println(line);
        }
        return r;
    }
}
