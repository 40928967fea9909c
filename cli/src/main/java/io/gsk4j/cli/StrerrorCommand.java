package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.gsk_strerror;

import io.gsk4j.GskStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gsk4j strerror CODE...}: what gsk_strerror says about each return code. */
@Command(name = "strerror", mixinStandardHelpOptions = true,
        description = "Prints the name and gsk_strerror text of each GSKit return code, known or not, with the likely"
                + " cause and fix in general terms ('gsk4j client' and 'server' give them for the case at hand).")
final class StrerrorCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "CODE", description = "return codes, e.g. 6000 402")
    private List<String> codes;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        // every argument is checked before anything is printed, so a typo gives no partial output
        List<Integer> numbers = new ArrayList<>();
        for (String code : codes) {
            try {
                numbers.add(Integer.parseInt(code.trim()));
            } catch (NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), "not a return code number: '" + code + "'");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        for (int n : numbers) {
            out.println(n + " " + GskStatus.nameOf(n) + ": " + gsk_strerror(n));
            GskStatus.fromCode(n).filter(s -> Explanations.covered().contains(s)).ifPresent(s -> {
                Explanation e = Explanations.explain(n, Facts.generic());
                out.println(TextReport.wrapped("likely cause", e.what()));
                out.println(TextReport.wrapped("fix", e.fix()));
            });
        }
        out.flush();
        return 0;
    }
}
