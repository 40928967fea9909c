package io.gsk4j.cli;

import io.gsk4j.GskStatus;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gsk4j codes}: the whole return-code table, one code per line, other spellings under it. */
@Command(name = "codes", mixinStandardHelpOptions = true,
        description = "Prints every GSKit return code: number, name, other spellings and text.")
final class CodesCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
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
}
