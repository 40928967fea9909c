package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.gsk_strerror;

import io.gsk4j.GskStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gsk4j strerror CODE...}: what gsk_strerror says about each return code. */
@Command(name = "strerror", mixinStandardHelpOptions = true,
        description = "Prints the name and gsk_strerror text of each GSKit return code, known or not, with the likely"
                + " cause and fix in general terms ('gsk4j client' and 'server' give them for the case at hand)."
                + " A code may be given by number or by any of its names (GSK_ERROR_NO_CIPHERS), and the validation"
                + " codes gsk4j prints (575xxx, 576xxx: GSK_LAST_VALIDATION_ERROR) by number or name.")
final class StrerrorCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "CODE",
            description = "return codes or their names, e.g. 6000 GSK_ERROR_NO_CIPHERS 576026")
    private List<String> codes;

    @Option(names = "--json", description = "Print one JSON object with an entry per code.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        // every argument is checked before anything is printed, so a typo gives no partial output
        List<CodeLookup> found = new ArrayList<>();
        for (String code : codes) {
            found.add(CodeLookup.parse(code).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "not a return code, status name or validation code: '" + code + "'")));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("schemaVersion", Json.SCHEMA_VERSION);
            List<Object> entries = new ArrayList<>();
            found.forEach(c -> entries.add(c.toJson()));
            m.put("codes", entries);
            out.println(Json.write(m));
        } else {
            found.forEach(c -> print(out, c));
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, CodeLookup code) {
        if (code instanceof CodeLookup.Rule r) {
            out.println(r.reason().code() + " " + ValidationCodes.name(r.reason().code()) + ": " + r.reason().explanation()
                    + " (" + r.reason().section() + ")");
            out.println(TextReport.wrapped("status", "a validation code (GSK_LAST_VALIDATION_ERROR); the handshake returns "
                    + r.reason().status().code() + " " + r.reason().status().name()));
        } else {
            int n = ((CodeLookup.Status) code).number();
            out.println(n + " " + GskStatus.nameOf(n) + ": " + gsk_strerror(n));
        }
        code.explanation().ifPresent(e -> {
            out.println(TextReport.wrapped("likely cause", e.what()));
            out.println(TextReport.wrapped("fix", e.fix()));
        });
    }
}
