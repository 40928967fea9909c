package io.gsk4j.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Runs the gsk4j command in-process, as main() would, with captured output. */
final class Cli {
    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }

        /** One line on stderr, no stack trace: the shape of every usage error and failure. */
        void assertOneLineError() {
            assertFalse(err.contains("\tat ") || err.contains("Exception"), err);
            assertTrue(err.startsWith("gsk4j: "), err);
        }
    }

    private Cli() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A {@code gsk4j server} running in a thread of this JVM, stopped as Ctrl-C would stop it. */
    static final class Server implements AutoCloseable {
        private static final Pattern PORT = Pattern.compile("listening on [^ ]+:(\\d+)|\"port\":(\\d+)");
        private final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();
        private final ServerCommand command;
        private final Thread thread;
        private volatile int exitCode = -1;
        final int port;

        private Server(String... args) {
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            command = (ServerCommand) cl.getSubcommands().get("server").getCommand();
            String[] all = new String[args.length + 1];
            all[0] = "server";
            System.arraycopy(args, 0, all, 1, args.length);
            thread = new Thread(() -> exitCode = cl.execute(all), "test-gsk4j-server");
            thread.setDaemon(true);
            thread.start();
            port = awaitPort();
        }

        /** Starts the server with {@code --port 0} added; returns once it listens. */
        static Server start(String... args) {
            String[] all = new String[args.length + 2];
            all[0] = "--port";
            all[1] = "0";
            System.arraycopy(args, 0, all, 2, args.length);
            return new Server(all);
        }

        private int awaitPort() {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < deadline) {
                Matcher m = PORT.matcher(out.toString());
                if (m.find()) {
                    return Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
                }
                if (!thread.isAlive()) {
                    fail("the server ended before listening: " + out + err);
                }
                sleep(20);
            }
            throw new AssertionError("the server did not start listening: " + out + err);
        }

        ServerCommand command() {
            return command;
        }

        String target() {
            return "localhost:" + port;
        }

        /** Waits for the server to end by itself (--max-connections); returns its exit code. */
        int await() {
            join(30_000);
            return exitCode;
        }

        String out() {
            return out.toString();
        }

        String err() {
            return err.toString();
        }

        /** Waits until the output contains {@code text} (connections are printed from worker threads). */
        void awaitOutput(String text) {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!out.toString().contains(text)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no '" + text + "' in: " + out);
                }
                sleep(20);
            }
        }

        @Override
        public void close() {
            command.stop();
            join(10_000);
        }

        private void join(long millis) {
            try {
                thread.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                command.stop();
                throw new AssertionError("the server did not stop: " + out);
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
