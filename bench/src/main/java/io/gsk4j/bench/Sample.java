package io.gsk4j.bench;

import java.util.List;

/**
 * One stack's result for one round of one scenario: its figures in the scenario's unit (one,
 * or p50 and p99 for echo), the CPU its threads or processes spent per operation (NaN where
 * not measured), and anything that made the round differ from what was asked (a resumption
 * in a full-handshake run, a failure), counted rather than averaged in silently.
 */
record Sample(List<Double> figures, double cpuMicrosPerOp, String anomaly) {

    static Sample of(double figure, double cpuMicrosPerOp) {
        return new Sample(List.of(figure), cpuMicrosPerOp, null);
    }

    Sample withAnomaly(String text) {
        return text == null ? this : new Sample(figures, cpuMicrosPerOp, anomaly == null ? text : anomaly + "; " + text);
    }
}
