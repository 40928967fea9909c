package io.gsk4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gsk4j store list --check --days N} and {@code --json}: what a monitoring script reads. */
class StoreCheckTest {
    private static final String PW = "secret-one";

    @TempDir
    Path dir;

    @Test
    void checkExitsOneWhenAnEntryExpiresWithinTheHorizon() {
        String store = dir.resolve("watch.p12").toString();
        assertEquals(0, Cli.run("store", "self-signed", "--store", store, "--password", PW, "--label", "long", "--dn", "long",
                "--key-type", "ec-p256", "--days", "365").exitCode());
        Cli.Run quiet = Cli.run("store", "list", "--store", store, "--password", PW, "--check", "--days", "30");
        assertEquals(0, quiet.exitCode(), quiet::all);
        assertTrue(quiet.out().contains("check: nothing expires within 30 days"), quiet.out());

        assertEquals(0, Cli.run("store", "self-signed", "--store", store, "--password", PW, "--label", "soon", "--dn", "soon",
                "--key-type", "ec-p256", "--days", "10").exitCode());
        Cli.Run warned = Cli.run("store", "list", "--store", store, "--password", PW, "--check", "--days", "30");
        assertEquals(1, warned.exitCode(), warned::all);
        assertTrue(warned.out().contains("check: 1 entry expired or expiring within 30 days:"), warned.out());
        assertTrue(warned.out().contains("  soon: expires "), warned.out());
        assertTrue(warned.out().contains("(in 10 days)") || warned.out().contains("(in 9 days)"), warned.out());

        Cli.Run shorter = Cli.run("store", "list", "--store", store, "--password", PW, "--check", "--days", "5");
        assertEquals(0, shorter.exitCode(), shorter::all);
        // without --check the listing never fails
        assertEquals(0, Cli.run("store", "list", "--store", store, "--password", PW, "--days", "30").exitCode());
    }

    @Test
    void anIntermediateExpiringFirstFlagsTheKeyAndJsonCarriesTheVerdict() {
        Instant now = Instant.now();
        TestPki.Ca root = TestPki.rootCa("Check Root", KeyType.EC_P256);
        TestPki.Ca issuing = root.intermediate("Check Issuing", KeyType.EC_P256, now.minus(Duration.ofDays(300)),
                now.plus(Duration.ofDays(3)));
        TestPki.Credential leaf = issuing.issue("localhost", KeyType.EC_P256, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(200)), true, false, "localhost");
        Path store = TestPki.pkcs12().key("web", leaf).trusted("root", root.certificate())
                .write(dir.resolve("chain.p12"), PW.toCharArray());

        Cli.Run text = Cli.run("store", "list", "--store", store.toString(), "--password", PW, "--check");
        assertEquals(1, text.exitCode(), text::all);
        assertTrue(text.out().contains("  web: expires "), text.out());
        assertTrue(text.out().contains("a certificate of its chain"), text.out());

        Cli.Run json = Cli.run("store", "list", "--store", store.toString(), "--password", PW, "--check", "--json");
        assertEquals(1, json.exitCode(), json::all);
        Map<String, Object> m = MiniJson.object(json.out());
        assertEquals(1, ((Number) m.get("schemaVersion")).intValue());
        assertEquals(Boolean.FALSE, MiniJson.get(m, "check", "ok"));
        assertEquals(30, ((Number) MiniJson.get(m, "check", "days")).intValue());
        assertEquals(List.of("web"), MiniJson.get(m, "check", "expiring"));
        // the key's own certificate runs 200 days; the chain's end is the intermediate's
        assertTrue(((String) MiniJson.get(m, "entries", 1, "chainNotAfter"))
                .compareTo((String) MiniJson.get(m, "entries", 1, "notAfter")) < 0, json.out());
        assertEquals("web", MiniJson.get(m, "entries", 1, "label"));
    }
}
