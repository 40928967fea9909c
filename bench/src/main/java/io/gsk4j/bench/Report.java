package io.gsk4j.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows: one per reported figure of a scenario and per gsk4j engine, in the field
 * order {@code scenario, unit, gsk4j, engine, jsse, openssl, ratio_vs_jsse, ratio_vs_openssl,
 * java, cores}, then this bench's own fields. A ratio above 1 always means gsk4j does better:
 * gsk4j/other for rates, other/gsk4j for times and heap.
 */
final class Report {
    private final String java = System.getProperty("java.runtime.version");
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final List<Row> rows = new ArrayList<>();

    record Row(String scenario, Scenario.Kind kind, Contender gsk, Contender jsse, Contender openssl, Contender tcp,
            Results results, int figure) {
    }

    void add(Results r, List<Contender> gsks, Contender jsse, Contender openssl, Contender tcp) {
        List<String> names = r.scenario.rowNames();
        for (int i = 0; i < names.size(); i++) {
            if (gsks.isEmpty()) {
                rows.add(new Row(names.get(i), r.scenario.kind(), null, jsse, openssl, tcp, r, i));
            }
            for (Contender g : gsks) {
                rows.add(new Row(names.get(i), r.scenario.kind(), g, jsse, openssl, tcp, r, i));
            }
        }
    }

    List<Row> rows() {
        return rows;
    }

    private static double value(Row row, Contender c) {
        return c == null ? Double.NaN : row.results.median(c, row.figure);
    }

    private static double ratio(Row row, double gsk, double other) {
        if (Double.isNaN(gsk) || Double.isNaN(other) || gsk <= 0 || other <= 0) {
            return Double.NaN;
        }
        return row.kind.higherIsBetter ? gsk / other : other / gsk;
    }

    /** One JSON object per line. */
    void printJson(PrintStream out) {
        for (Row row : rows) {
            double g = value(row, row.gsk);
            double j = value(row, row.jsse);
            double o = value(row, row.openssl);
            StringBuilder sb = new StringBuilder("{");
            field(sb, "scenario", quote(row.scenario));
            field(sb, "unit", quote(row.kind.unit));
            field(sb, "gsk4j", num(g));
            field(sb, "engine", row.gsk == null ? "null" : quote(row.gsk.engine()));
            field(sb, "jsse", num(j));
            field(sb, "openssl", num(o));
            field(sb, "ratio_vs_jsse", num(ratio(row, g, j)));
            field(sb, "ratio_vs_openssl", num(ratio(row, g, o)));
            field(sb, "java", quote(java));
            field(sb, "cores", Integer.toString(cores));
            field(sb, "better", quote(row.kind.higherIsBetter ? "higher" : "lower"));
            double t = value(row, row.tcp);
            field(sb, "tcp", num(t));
            field(sb, "ratio_vs_tcp", num(ratio(row, g, t)));
            field(sb, "rounds", Integer.toString(rounds(row)));
            field(sb, "spread", "{\"gsk4j\":" + spread(row, row.gsk) + ",\"jsse\":" + spread(row, row.jsse) + ",\"openssl\":"
                    + spread(row, row.openssl) + ",\"tcp\":" + spread(row, row.tcp) + "}");
            field(sb, "cpu_op", row.kind.op == null ? "null" : quote(row.kind.op));
            field(sb, "cpu_us_per_op", "{\"gsk4j\":" + cpu(row, row.gsk) + ",\"jsse\":" + cpu(row, row.jsse) + ",\"openssl\":"
                    + cpu(row, row.openssl) + ",\"tcp\":" + cpu(row, row.tcp) + "}");
            StringBuilder notes = new StringBuilder("[");
            for (String n : row.results.notes) {
                notes.append(notes.length() > 1 ? "," : "").append(quote(n));
            }
            field(sb, "notes", notes.append(']').toString());
            sb.setLength(sb.length() - 1);
            out.println(sb.append('}'));
        }
    }

    private static int rounds(Row row) {
        return row.results.samples.values().stream().mapToInt(List::size).max().orElse(0);
    }

    private static String spread(Row row, Contender c) {
        if (c == null || Double.isNaN(value(row, c))) {
            return "null";
        }
        return "[" + num(row.results.min(c, row.figure)) + "," + num(row.results.max(c, row.figure)) + "]";
    }

    private static String cpu(Row row, Contender c) {
        return c == null ? "null" : num(row.results.cpu(c));
    }

    private static void field(StringBuilder sb, String name, String json) {
        sb.append('"').append(name).append("\":").append(json).append(',');
    }

    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "null";
        }
        double rounded = v >= 100 ? Math.round(v * 10) / 10.0 : Math.round(v * 1000) / 1000.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
            }
        }
        return sb.append('"').toString();
    }

    /** The human table: median (min-max) per stack, the ratios, CPU per operation. */
    void printTable(PrintStream out) {
        String fmt = "%-27s %-16s %-14s %-24s %-24s %-24s %-24s %7s %7s  %s%n";
        out.printf(fmt, "scenario", "unit", "engine", "gsk4j", "jsse", "openssl", "tcp (no TLS)", "x jsse", "x ossl",
                "CPU us/op: gsk4j | jsse | openssl");
        for (Row row : rows) {
            double g = value(row, row.gsk);
            double j = value(row, row.jsse);
            double o = value(row, row.openssl);
            out.printf(fmt, row.scenario, row.kind.unit, row.gsk == null ? "-" : row.gsk.engine(), cell(row, row.gsk),
                    cell(row, row.jsse), cell(row, row.openssl), cell(row, row.tcp), short2(ratio(row, g, j)), short2(ratio(row, g, o)),
                    row.kind.op == null ? "" : cpuCell(row, row.gsk) + " | " + cpuCell(row, row.jsse) + " | " + cpuCell(row, row.openssl)
                            + " per " + row.kind.op);
        }
        out.println("x jsse, x ossl: gsk4j's figure over the other's (the other's over gsk4j's for us and KiB): above 1, gsk4j does better");
        out.println("cells: median over rounds (min-max)");
        List<String> seen = new ArrayList<>();
        for (Row row : rows) {
            for (String n : row.results.notes) {
                String line = row.results.scenario.name() + ": " + n;
                if (!seen.contains(line)) {
                    seen.add(line);
                    out.println("note " + line);
                }
            }
        }
    }

    private static String cell(Row row, Contender c) {
        double v = c == null ? Double.NaN : value(row, c);
        if (Double.isNaN(v)) {
            return "-";
        }
        return fmt(v) + " (" + fmt(row.results.min(c, row.figure)) + "-" + fmt(row.results.max(c, row.figure)) + ")";
    }

    private static String cpuCell(Row row, Contender c) {
        double v = c == null ? Double.NaN : row.results.cpu(c);
        return Double.isNaN(v) ? "-" : fmt(v);
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String short2(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
