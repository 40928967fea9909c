package io.gsk4j.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every round's samples of one scenario, per stack, and what each stack could not do. */
final class Results {
    final Scenario scenario;
    /** Keyed by contender (a gsk4j engine, jsse, openssl), in insertion order. */
    final Map<Contender, List<Sample>> samples = new LinkedHashMap<>();
    final Map<Contender, String> missing = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();

    Results(Scenario scenario) {
        this.scenario = scenario;
    }

    void add(Contender c, Sample s) {
        samples.computeIfAbsent(c, k -> new ArrayList<>()).add(s);
        if (s.anomaly() != null) {
            notes.add(label(c) + ": " + s.anomaly());
        }
    }

    void fail(Contender c, String why) {
        missing.putIfAbsent(c, why);
        notes.add(label(c) + ": " + why);
    }

    static String label(Contender c) {
        return c.engine() == null ? c.stack() : c.stack() + "/" + c.engine();
    }

    /** The median over rounds of figure {@code i}, NaN when the stack has no complete set of rounds. */
    double median(Contender c, int i) {
        List<Double> xs = figures(c, i);
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(xs);
        int n = xs.size();
        return n % 2 == 1 ? xs.get(n / 2) : (xs.get(n / 2 - 1) + xs.get(n / 2)) / 2;
    }

    double min(Contender c, int i) {
        return figures(c, i).stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max(Contender c, int i) {
        return figures(c, i).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** Median CPU microseconds per operation, NaN where not measured. */
    double cpu(Contender c) {
        List<Double> xs = new ArrayList<>();
        for (Sample s : samples.getOrDefault(c, List.of())) {
            if (!Double.isNaN(s.cpuMicrosPerOp())) {
                xs.add(s.cpuMicrosPerOp());
            }
        }
        if (xs.isEmpty() || missing.containsKey(c)) {
            return Double.NaN;
        }
        Collections.sort(xs);
        int n = xs.size();
        return n % 2 == 1 ? xs.get(n / 2) : (xs.get(n / 2 - 1) + xs.get(n / 2)) / 2;
    }

    private List<Double> figures(Contender c, int i) {
        List<Double> xs = new ArrayList<>();
        if (missing.containsKey(c)) {
            return xs; // a stack that failed a round is not reported from its other rounds
        }
        for (Sample s : samples.getOrDefault(c, List.of())) {
            xs.add(s.figures().get(i));
        }
        return xs;
    }
}
