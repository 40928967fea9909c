package io.gsk4j.cli;

import io.gsk4j.GskStatus;
import io.gsk4j.internal.validation.ValidationReason;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gsk4j codes}: the whole return-code table, one code per line, other spellings under it. */
@Command(name = "codes", mixinStandardHelpOptions = true,
        description = "Prints every GSKit return code: number, name, other spellings and text.")
final class CodesCommand implements Runnable {
    @Option(names = "--json", description = "Print one JSON object: every status, and every validation code"
            + " (GSK_LAST_VALIDATION_ERROR, 575xxx/576xxx).")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(toJson()));
            out.flush();
            return;
        }
        int width = Arrays.stream(GskStatus.values()).mapToInt(s -> s.name().length()).max().orElse(0);
        String format = "%5s  %-" + width + "s  %s%n";
        out.printf(format, "CODE", "NAME", "TEXT");
        for (GskStatus s : GskStatus.values()) {
            out.printf(format, s.code(), s.name(), s.text());
            List<String> aliases = s.names().subList(1, s.names().size());
            if (!aliases.isEmpty()) {
                out.printf("%5s    also %s%n", "", String.join(", ", aliases));
            }
        }
        out.flush();
    }

    private static Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemaVersion", Json.SCHEMA_VERSION);
        List<Object> statuses = new ArrayList<>();
        for (GskStatus s : GskStatus.values()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("number", s.code());
            e.put("name", s.name());
            e.put("aliases", s.names().subList(1, s.names().size()));
            e.put("text", s.text());
            statuses.add(e);
        }
        m.put("statuses", statuses);
        List<Object> rules = new ArrayList<>();
        for (ValidationReason r : ValidationReason.values()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("number", r.code());
            e.put("name", r.name());
            e.put("gskitName", r.gskitName().orElse(null));
            e.put("rule", r.explanation());
            e.put("section", r.section());
            e.put("status", ConnectionReport.codeJson(r.status().code()));
            rules.add(e);
        }
        m.put("validationCodes", rules);
        return m;
    }
}
