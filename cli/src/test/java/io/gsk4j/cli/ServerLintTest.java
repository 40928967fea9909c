package io.gsk4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gsk4j server} warns at start about the chain it is about to present, in text and in --json. */
class ServerLintTest {
    private static final String PW = "secret-one";

    @TempDir
    Path dir;

    private static List<String> checks(String jsonLine) {
        Map<String, Object> m = MiniJson.object(jsonLine);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lint = (List<Map<String, Object>>) m.get("lint");
        return lint.stream().map(f -> (String) f.get("check")).toList();
    }

    private static String firstLine(String out) {
        return out.lines().findFirst().orElse("");
    }

    @Test
    void aSoundChainStartsWithoutWarnings() {
        Pki pki = new Pki(dir);
        Cli.Server text = Cli.Server.start("--keyring", pki.serverStore.toString(), "--password", Pki.PASSWORD);
        text.awaitOutput("presenting");
        text.close(); // warnings would follow "presenting": judge the output once the server has ended
        assertTrue(text.out().contains("gsk4j server stopped"), text.out());
        assertFalse(text.out().contains("warning"), text.out());
        try (Cli.Server s = Cli.Server.start("--keyring", pki.serverStore.toString(), "--password", Pki.PASSWORD, "--json")) {
            assertEquals(List.of(), checks(firstLine(s.out())));
        }
    }

    @Test
    void expiredAndNotYetValidAreNamedWithTheirDates() {
        Pki pki = new Pki(dir);
        try (Cli.Server s = Cli.Server.start("--keyring", pki.expiredStore.toString(), "--password", Pki.PASSWORD)) {
            // the warnings follow the "presenting" line: wait for the one expected
            s.awaitOutput("  warning: the server certificate CN=localhost expired on ");
        }
        try (Cli.Server s = Cli.Server.start("--keyring", pki.expiredStore.toString(), "--password", Pki.PASSWORD, "--json")) {
            assertEquals(List.of("expired"), checks(firstLine(s.out())));
        }
        String future = dir.resolve("future.p12").toString();
        assertEquals(0, Cli.run("store", "self-signed", "--store", future, "--password", PW, "--label", "f", "--dn", "localhost",
                "--key-type", "ec-p256", "--valid-from", "2099-01-01").exitCode());
        try (Cli.Server s = Cli.Server.start("--keyring", future, "--password", PW, "--json")) {
            assertEquals(List.of("not-yet-valid"), checks(firstLine(s.out())));
        }
    }

    @Test
    void aLeafWithoutItsIntermediateIsAnIncompleteChain() {
        TestPki.Ca root = TestPki.rootCa("Lint Root", KeyType.EC_P256);
        TestPki.Ca issuing = root.intermediate("Lint Issuing", KeyType.EC_P256);
        TestPki.Credential leaf = issuing.issueServer("localhost", KeyType.EC_P256, "localhost");
        Path store = TestPki.pkcs12().key("web", new TestPki.Credential(leaf.key(), new X509Certificate[] {leaf.leaf()}))
                .write(dir.resolve("leaf-only.p12"), PW.toCharArray());
        try (Cli.Server s = Cli.Server.start("--keyring", store.toString(), "--password", PW)) {
            s.awaitOutput("warning: the server sends 1 certificate, ending at CN=localhost whose issuer"
                    + " CN=Lint Issuing it does not send");
        }
        // with the intermediate in the key's chain the warning goes away (the root need not be sent: clients have it)
        Path whole = TestPki.pkcs12().key("web", leaf).write(dir.resolve("with-intermediate.p12"), PW.toCharArray());
        try (Cli.Server s = Cli.Server.start("--keyring", whole.toString(), "--password", PW, "--json")) {
            assertEquals(List.of(), checks(firstLine(s.out())), s.out());
        }
    }

    @Test
    void aSmallRsaKeyWithoutSansIsWeakAndUnmatchable() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        assumeTrue(Files.isExecutable(keytool), "no keytool");
        String store = dir.resolve("old.p12").toString();
        StoreLifecycleTest.Process.Result made = StoreLifecycleTest.Process.run(dir, keytool.toString(), "-genkeypair",
                "-keystore", store, "-storetype", "PKCS12", "-storepass", PW, "-alias", "old", "-keyalg", "RSA",
                "-keysize", "1024", "-dname", "CN=localhost", "-validity", "30");
        assertEquals(0, made.code(), made.output());
        try (Cli.Server s = Cli.Server.start("--keyring", store, "--password", PW)) {
            s.awaitOutput("warning: the server certificate CN=localhost has a 1024-bit RSA key");
            s.awaitOutput("warning: the server certificate has no subject alternative names");
        }
        try (Cli.Server s = Cli.Server.start("--keyring", store, "--password", PW, "--json")) {
            assertEquals(List.of("weak-key", "no-san"), checks(firstLine(s.out())));
        }
    }
}
