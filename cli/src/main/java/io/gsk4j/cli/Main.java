package io.gsk4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code gsk4j} command. Exit codes: 0 success, 1 a command found something wrong (or an
 * unexpected error, reported in one line), 2 a usage error.
 */
@Command(name = "gsk4j", mixinStandardHelpOptions = true, version = "gsk4j " + Main.VERSION,
        description = {"The IBM i GSKit secure-sockets API (gskssl.h) on the JDK's TLS engine.",
            "client and server run handshakes through the GSKit API and explain failures; store manages certificate"
                    + " stores; demo shows it all on loopback; strerror and codes explain return codes."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the command ran and found a failure (or could not do its work)", "2:usage error"},
        subcommands = {ClientCommand.class, ServerCommand.class, StoreCommand.class, DemoCommand.class, StrerrorCommand.class, CodesCommand.class,
            VerifyCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Kept in step with the Maven version by hand: the command has no build-time filtering. */
    static final String VERSION = "0.1.0-SNAPSHOT";
    static final int USAGE_ERROR = 2;
    static final int FAILURE = 1;

    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do: say what there is. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is needed: client, server, store, verify, demo, strerror or codes");
    }

    /** The configured command line; tests call {@code execute} on it with their own writers. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        Choices.register(cl);
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler(Main::unexpected);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("gsk4j: " + e.getMessage());
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return USAGE_ERROR;
    }

    /** A bug or an environment problem: one line, no stack trace. */
    private static int unexpected(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof CommandFailure) {
            err.println("gsk4j: " + e.getMessage());
            err.flush();
            return FAILURE;
        }
        String message = e.getMessage();
        err.println("gsk4j: unexpected error: " + e.getClass().getSimpleName() + (message == null ? "" : ": " + message));
        err.flush();
        return FAILURE;
    }
}
