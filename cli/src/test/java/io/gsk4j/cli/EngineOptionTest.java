package io.gsk4j.cli;

import static io.gsk4j.cli.Pki.concat;
import static io.gsk4j.cli.Pki.store;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gsk4j.TlsEngine;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --engine}: GSK4J_TLS_ENGINE from the command line, and the report naming the engine that ran. */
class EngineOptionTest {
    @TempDir
    static Path dir;
    static Pki pki;

    @BeforeAll
    static void pki() {
        pki = new Pki(dir);
    }

    @Test
    void bothEndsOnBoringSslSayEachWhichEngineRan() {
        try (Cli.Server server = Cli.Server.start(concat(store(pki.serverStore), "--max-connections", "2", "--engine", "boringssl"))) {
            server.awaitOutput("  engine        boringssl (BoringSSL"); // printed after the line with the port

            Cli.Run json = Cli.run(concat(new String[] {"client", server.target(), "--engine", "boringssl", "--json"},
                    store(pki.trustStore)));
            assertEquals(0, json.exitCode(), json::all);
            Map<String, Object> report = MiniJson.object(json.out());
            assertEquals("boringssl", MiniJson.get(report, "engine", "name"));
            assertEquals("boringssl", MiniJson.get(report, "engine", "requested"));
            assertTrue(((String) MiniJson.get(report, "engine", "implementation")).startsWith("BoringSSL"), json.out());
            assertNull(MiniJson.get(report, "engine", "fallbackReason"), json.out());

            Cli.Run text = Cli.run(concat(new String[] {"client", server.target(), "--engine", "BORINGSSL"}, store(pki.trustStore)));
            assertEquals(0, text.exitCode(), text::all);
            assertTrue(text.out().contains("  engine        boringssl (BoringSSL"), text.out());
            assertEquals(0, server.await());
        }
    }

    @Test
    void aClientOnBoringSslAgainstOpenSslReportsBoringSsl() throws Exception {
        assumeTrue(OpenSslInteropTest.openSslAvailable(), "openssl is not installed");
        try (OpenSslInteropTest.OpenSsl server = OpenSslInteropTest.OpenSsl.serverIn(dir, pki.serverPem)) {
            Cli.Run r = Cli.run(concat(new String[] {"client", "localhost:" + server.port, "--engine", "boringssl", "--json"},
                    store(pki.trustStore)));
            assertEquals(0, r.exitCode(), r::all);
            assertEquals("boringssl", MiniJson.get(MiniJson.object(r.out()), "engine", "name"));
        }
    }

    @Test
    void withoutTheOptionTheClientRunsOnWhatGsk4jEngineSaysElseJsse() {
        assumeTrue(System.getProperty("gsk4j.engine") == null, "gsk4j.engine is set for this run");
        try (Cli.Server server = Cli.Server.start(concat(store(pki.serverStore), "--max-connections", "1"))) {
            Cli.Run r = Cli.run(concat(new String[] {"client", server.target(), "--json"}, store(pki.trustStore)));
            assertEquals(0, r.exitCode(), r::all);
            assertEquals("jsse", MiniJson.get(MiniJson.object(r.out()), "engine", "name"));
            server.awaitOutput("  engine        jsse (SunJSSE");
            assertEquals(0, server.await());
        }
    }

    @Test
    void anUnknownEngineIsAUsageError() {
        Cli.Run r = Cli.run(concat(new String[] {"client", "localhost:1", "--engine", "nosuch"}, store(pki.trustStore)));
        assertEquals(2, r.exitCode(), r::all);
        assertTrue(r.err().contains("'nosuch' is not one of: jsse, boringssl"), r.err());
        Cli.Run server = Cli.run("server", "--port", "0", "--engine", "nosuch");
        assertEquals(2, server.exitCode(), server::all);
    }

    @Test
    void aFallbackSaysWhatWasAskedForAndWhy() {
        TlsEngine fellBack = new TlsEngine("jsse", "SunJSSE 17", "boringssl", Optional.of("the native library did not load"));
        assertEquals("jsse (SunJSSE 17); boringssl was asked for and fell back: the native library did not load",
                EngineReport.text(fellBack));
        assertEquals("the native library did not load", EngineReport.toJson(fellBack).get("fallbackReason"));
    }
}
