package io.gsk4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Runs the gsk4j command in-process, exactly as main() would, with captured output. */
class MainTest {
    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void demoRunsTheSessionAndEveryFailureGivesItsCode() {
        Run r = run("demo");
        assertEquals(0, r.exitCode(), () -> r.out() + r.err());
        assertTrue(r.out().contains("gsk_secure_soc_init(client)") && r.out().contains("= 0 GSK_OK"), r.out());
        assertTrue(r.out().contains("TLS_AES_128_GCM_SHA256"), r.out());
        assertTrue(r.out().contains("6000 GSK_IBMI_ERROR_NOT_TRUSTED_ROOT"), r.out());
        assertTrue(r.out().contains("107 GSK_KEYFILE_CERT_EXPIRED"), r.out());
        assertTrue(r.out().contains("402 GSK_ERROR_NO_CIPHERS"), r.out());
        assertTrue(r.out().contains("\"hello back from the gsk4j server\""), r.out());
        assertFalse(r.out().contains("DIFFERS"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void strerrorNamesKnownCodes() {
        Run r = run("strerror", "6000", "0");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("6000 GSK_IBMI_ERROR_NOT_TRUSTED_ROOT: "), r.out());
        assertTrue(r.out().contains("0 GSK_OK: "), r.out());
    }

    @Test
    void strerrorStillNamesUnknownNumbers() {
        Run r = run("strerror", "99999");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("99999 GSK_UNKNOWN_RC(99999): "), r.out());
    }

    @Test
    void strerrorRejectsTextAsAUsageError() {
        Run r = run("strerror", "abc");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains("'abc'"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    void codesListsEveryNumberWithItsOtherSpellings() {
        Run r = run("codes");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("6000  GSK_IBMI_ERROR_NOT_TRUSTED_ROOT"), r.out());
        assertTrue(r.out().contains("also GSK_OS400_ERROR_NOT_TRUSTED_ROOT, GSK_AS400_ERROR_NOT_TRUSTED_ROOT"), r.out());
        assertTrue(r.out().contains("  402  GSK_ERROR_NO_CIPHERS"), r.out());
    }

    @Test
    void versionHelpAndUsageErrors() {
        Run version = run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().contains("0.1.0-SNAPSHOT"), version.out());

        Run help = run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("demo") && help.out().contains("strerror"), help.out());
        for (String command : new String[] {"client", "server", "store"}) {
            assertTrue(help.out().contains(command), command + " in " + help.out());
        }
        assertTrue(help.out().contains("Exit codes:"), help.out());
        for (String sub : new String[] {"create", "self-signed", "ca", "sign", "import", "export", "list", "set-default", "stash",
            "register-app"}) {
            Run subHelp = run("store", sub, "--help");
            assertEquals(0, subHelp.exitCode(), sub);
            assertTrue(subHelp.out().startsWith("Usage: gsk4j store " + sub), subHelp.out());
        }

        Run none = run();
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("a command is needed"), none.err());

        Run unknown = run("no-such-command");
        assertEquals(2, unknown.exitCode());
        assertFalse(unknown.err().contains("\tat "), unknown.err());
    }
}
