package io.gsk4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.StoreLocations;
import io.gsk4j.internal.certs.KeyMaterial;
import io.gsk4j.internal.certs.StashFile;
import io.gsk4j.internal.certs.StoreLoader;
import io.gsk4j.internal.certs.StoreRequest;
import io.gsk4j.testpki.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** {@code gsk4j store}: every subcommand, with the result read back by core's own store loader. */
class StoreCommandTest {
    private static final String PW = "secret-one";
    private static final String CA_PW = "secret-ca";

    @TempDir
    Path dir;

    private Path file(String name) {
        return dir.resolve(name);
    }

    private static Cli.Run ok(String... args) {
        Cli.Run r = Cli.run(args);
        assertEquals(0, r.exitCode(), () -> String.join(" ", args) + "\n" + r.all());
        return r;
    }

    private static KeyMaterial load(Path store, String password, String label) throws GskException {
        return StoreLoader.load(new StoreRequest(store.toString(), password == null ? null : password.toCharArray(), null, label,
                null, StoreLocations.under(store.getParent().resolve("home"))));
    }

    @Test
    void createMakesAnEmptyStoreTheLoaderOpens() throws Exception {
        Cli.Run r = ok("store", "create", "--store", file("empty.p12").toString(), "--password", PW);
        assertTrue(r.out().contains("created an empty pkcs12 store"), r.out());
        KeyMaterial m = load(file("empty.p12"), PW, null);
        assertTrue(m.label().isEmpty());
        assertTrue(m.trustedCertificates().isEmpty());

        Cli.Run again = Cli.run("store", "create", "--store", file("empty.p12").toString(), "--password", PW);
        assertEquals(1, again.exitCode());
        again.assertOneLineError();
        assertTrue(again.err().contains("already exists"), again.err());
        ok("store", "create", "--store", file("empty.jks").toString(), "--password", PW, "--type", "jks");
        assertEquals(0, load(file("empty.jks"), PW, null).trustedCertificates().size());
    }

    @Test
    void caSignExportImportMakeStoresThatShakeHands() throws Exception {
        Path ca = file("ca.p12");
        Path server = file("server.p12");
        Path trust = file("trust.p12");
        ok("store", "ca", "--store", ca.toString(), "--password", CA_PW, "--label", "myca", "--dn", "CN=Round Trip CA,O=gsk4j",
                "--key-type", "ec-p256");
        Cli.Run signed = ok("store", "sign", "--ca-store", ca.toString(), "--ca-password", CA_PW, "--ca-label", "myca",
                "--store", server.toString(), "--password", PW, "--label", "server", "--dn", "CN=localhost",
                "--san", "DNS:localhost,IP:127.0.0.1", "--key-type", "ec-p256");
        assertTrue(signed.out().contains("added the CA certificate as the trusted entry \"myca\""), signed.out());

        KeyMaterial key = load(server, PW, null);
        assertEquals("server", key.label().orElseThrow());
        assertEquals(2, key.chain().size());
        assertEquals("CN=Round Trip CA,O=gsk4j", key.chain().get(1).getSubjectX500Principal().getName());
        assertEquals(List.of("DNS", "IP"), key.chain().get(0).getSubjectAlternativeNames().stream()
                .map(san -> (Integer) san.get(0) == 2 ? "DNS" : "IP").toList());

        Path caPem = file("ca.pem");
        ok("store", "export", "--store", ca.toString(), "--password", CA_PW, "--label", "myca", "--out", caPem.toString());
        assertTrue(Files.readString(caPem).startsWith("-----BEGIN CERTIFICATE-----"));
        Cli.Run imported = ok("store", "import", "--store", trust.toString(), "--password", PW, "--label", "myca", caPem.toString());
        assertTrue(imported.out().contains("trusted \"myca\": CN=Round Trip CA,O=gsk4j"), imported.out());
        X509Certificate anchor = load(trust, PW, null).trustedCertificates().get(0);
        assertEquals(key.chain().get(1), anchor);

        // the stores work for a real handshake between the gsk4j server and client
        try (Cli.Server s = Cli.Server.start("--keyring", server.toString(), "--password", PW, "--max-connections", "1")) {
            Cli.Run client = Cli.run("client", s.target(), "--keyring", trust.toString(), "--password", PW);
            assertEquals(0, client.exitCode(), client::all);
            s.await();
        }
    }

    @Test
    void listShowsKindsValidityAndTheDefault() throws Exception {
        Path store = file("list.p12");
        ok("store", "self-signed", "--store", store.toString(), "--password", PW, "--label", "alpha", "--dn", "alpha.example",
                "--key-type", "ec-p256");
        Cli.Run one = ok("store", "list", "--store", store.toString(), "--password", PW);
        assertTrue(one.out().contains("* alpha"), one.out());
        assertTrue(one.out().contains("(the only key)"), one.out());

        ok("store", "self-signed", "--store", store.toString(), "--password", PW, "--label", "beta", "--dn", "CN=beta.example",
                "--key-type", "ec-p256", "--valid-from", "2020-01-01", "--days", "30");
        Cli.Run two = ok("store", "list", "--store", store.toString(), "--password", PW);
        assertTrue(two.out().contains("no default key"), two.out());
        assertTrue(two.out().contains("EXPIRED"), two.out());
        GskException noDefault = assertThrows(GskException.class, () -> load(store, PW, null));
        assertEquals(GskStatus.GSK_ERROR_BAD_KEYFILE_LABEL.code(), noDefault.code());

        Cli.Run set = ok("store", "set-default", "--store", store.toString(), "--password", PW, "alpha");
        assertTrue(set.out().contains("\"alpha\" is now the default key"), set.out());
        assertEquals("alpha", Files.readString(file("list.p12.label")).trim());
        assertEquals("alpha", load(store, PW, null).label().orElseThrow());

        Map<String, Object> json = MiniJson.object(ok("store", "list", "--store", store.toString(), "--password", PW, "--json").out());
        assertEquals("alpha", MiniJson.get(json, "entries", 0, "label"));
        assertEquals(Boolean.TRUE, MiniJson.get(json, "entries", 0, "default"));
        assertEquals("key", MiniJson.get(json, "entries", 0, "kind"));
        assertEquals("EXPIRED", MiniJson.get(json, "entries", 1, "state"));

        Cli.Run notAKey = Cli.run("store", "set-default", "--store", store.toString(), "--password", PW, "nope");
        assertEquals(1, notAKey.exitCode());
        assertTrue(notAKey.err().contains("keys: alpha, beta"), notAKey.err());
    }

    @Test
    void stashHoldsThePasswordForTheLoader() throws Exception {
        Path store = file("stashed.p12");
        ok("store", "self-signed", "--store", store.toString(), "--password", PW, "--label", "me", "--dn", "me", "--key-type", "ec-p256");
        Cli.Run r = ok("store", "stash", "--store", store.toString(), "--password", PW);
        Path stash = file("stashed.sth");
        assertTrue(r.out().contains("wrote the stash file " + stash), r.out());
        assertEquals(1024, Files.size(stash));
        assertArrayEquals(PW.toCharArray(), StashFile.read(stash));
        KeyMaterial viaStash = StoreLoader.load(new StoreRequest(store.toString(), null, stash.toString(), null, null,
                StoreLocations.under(dir.resolve("home"))));
        assertEquals("me", viaStash.label().orElseThrow());
        // and the store commands take the stash too
        ok("store", "list", "--store", store.toString(), "--stash", stash.toString());

        Cli.Run wrong = Cli.run("store", "stash", "--store", store.toString(), "--password", "not-it");
        assertEquals(1, wrong.exitCode());
        wrong.assertOneLineError();
        assertTrue(wrong.err().contains("wrong password for " + store), wrong.err());
    }

    @Test
    void stashReplacesAWorldReadableFileAndASymlinkWithAnOwnerOnlyFile() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
        Path store = file("perm.p12");
        ok("store", "self-signed", "--store", store.toString(), "--password", PW, "--label", "me", "--dn", "me", "--key-type", "ec-p256");
        Path stash = file("perm.sth");
        Files.writeString(stash, "old");
        Files.setPosixFilePermissions(stash, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        ok("store", "stash", "--store", store.toString(), "--password", PW);
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(stash));
        assertArrayEquals(PW.toCharArray(), StashFile.read(stash));

        Path victim = Files.writeString(file("victim.txt"), "not a stash");
        Path link = file("linked.sth");
        Files.createSymbolicLink(link, victim);
        ok("store", "stash", "--store", store.toString(), "--password", PW, "--out", link.toString());
        assertEquals("not a stash", Files.readString(victim));
        assertTrue(!Files.isSymbolicLink(link), "the link was replaced, not followed");
        assertArrayEquals(PW.toCharArray(), StashFile.read(link));
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES) // sets gsk4j.home; no other command test depends on it
    void registerAppWritesWhatTheLoaderReadsForAnApplicationId() throws Exception {
        Path home = file("gsk4j-home");
        Path store = file("app.p12");
        ok("store", "self-signed", "--store", store.toString(), "--password", PW, "--label", "appkey", "--dn", "app", "--key-type", "ec-p256");
        ok("store", "self-signed", "--store", store.toString(), "--password", PW, "--label", "other", "--dn", "other", "--key-type", "ec-p256");
        ok("store", "stash", "--store", store.toString(), "--password", PW);
        Cli.Run r = ok("store", "register-app", "MY_APP", "--store", store.toString(), "--label", "appkey",
                "--stash", file("app.sth").toString(), "--home", home.toString());
        assertTrue(r.out().contains("registered application ID MY_APP in " + home.resolve("appdefs.properties")), r.out());
        ok("store", "register-app", "OTHER.APP", "--store", "*SYSTEM", "--home", home.toString());

        String defs = Files.readString(home.resolve("appdefs.properties"));
        assertTrue(defs.contains("MY_APP.label=appkey"), defs);
        assertTrue(defs.contains("OTHER.APP.store=*SYSTEM"), defs);

        KeyMaterial m = StoreLoader.load(new StoreRequest(null, null, null, null, "MY_APP", StoreLocations.under(home)));
        assertEquals("appkey", m.label().orElseThrow());

        // and through the command: a client with --app-id finds the store via GSK4J home
        String before = System.getProperty("gsk4j.home");
        System.setProperty("gsk4j.home", home.toString());
        try {
            Cli.Run unknown = Cli.run("client", "localhost:1", "--app-id", "NOT_THERE");
            assertTrue(unknown.out().contains("= 6002 GSK_IBMI_ERROR_NOT_REGISTERED"), unknown.out());
            assertTrue(ClientCommandTest.oneLine(unknown.out()).contains("gsk4j store register-app NOT_THERE"), unknown.out());
        } finally {
            if (before == null) {
                System.clearProperty("gsk4j.home");
            } else {
                System.setProperty("gsk4j.home", before);
            }
        }

        Cli.Run bad = Cli.run("store", "register-app", "has space", "--store", "x.p12", "--home", home.toString());
        assertEquals(2, bad.exitCode());
    }

    @Test
    void importTakesPemKeysWithChainsAndEncryptedKeys() throws Exception {
        TestPki.Ca root = TestPki.rootCa("Import Root", TestPki.KeyType.EC_P256);
        TestPki.Ca intermediate = root.intermediate("Import Intermediate", TestPki.KeyType.EC_P256);
        TestPki.Credential leaf = intermediate.issueServer("import.example", TestPki.KeyType.EC_P256);
        Path plain = TestPki.pem().key("k", leaf).write(file("leaf.pem"), null);
        Path store = file("imported.p12");
        Cli.Run r = ok("store", "import", "--store", store.toString(), "--password", PW, "--label", "web", plain.toString());
        assertTrue(r.out().contains("key \"web\": CN=import.example (chain of 2)"), r.out());
        KeyMaterial m = load(store, PW, "web");
        assertEquals(2, m.chain().size());
        assertEquals(leaf.leaf(), m.chain().get(0));

        Path encrypted = TestPki.pem().key("k", leaf).write(file("leaf-encrypted.pem"), "pem-pass".toCharArray());
        Cli.Run noPass = Cli.run("store", "import", "--store", store.toString(), "--password", PW, "--label", "web2", encrypted.toString());
        assertEquals(1, noPass.exitCode());
        assertTrue(noPass.err().contains("encrypted: give --in-password"), noPass.err());
        Cli.Run wrongPass = Cli.run("store", "import", "--store", store.toString(), "--password", PW, "--label", "web2",
                "--in-password", "not-it", encrypted.toString());
        assertEquals(1, wrongPass.exitCode());
        assertTrue(wrongPass.err().contains("cannot decrypt the key in " + encrypted + ": wrong --in-password?"), wrongPass.err());
        ok("store", "import", "--store", store.toString(), "--password", PW, "--label", "web2", "--in-password", "pem-pass",
                encrypted.toString());
        assertEquals(leaf.leaf(), load(store, PW, "web2").chain().get(0));

        Cli.Run taken = Cli.run("store", "import", "--store", store.toString(), "--password", PW, "--label", "web", plain.toString());
        assertEquals(1, taken.exitCode());
        assertTrue(taken.err().contains("already used"), taken.err());

        Cli.Run trustedWithKey = Cli.run("store", "import", "--store", store.toString(), "--password", PW, "--trusted", plain.toString());
        assertEquals(2, trustedWithKey.exitCode());
    }

    @Test
    void exportAsPkcs12AndAsEncryptedPemImportsBack() throws Exception {
        Path store = file("source.p12");
        ok("store", "self-signed", "--store", store.toString(), "--password", PW, "--label", "mine", "--dn", "CN=mine",
                "--key-type", "ec-p256");
        X509Certificate original = load(store, PW, "mine").chain().get(0);

        Path p12 = file("export.p12");
        ok("store", "export", "--store", store.toString(), "--password", PW, "--label", "mine", "--format", "pkcs12",
                "--out", p12.toString(), "--out-password", "transfer");
        Path copy = file("copy.p12");
        ok("store", "import", "--store", copy.toString(), "--password", PW, "--in-password", "transfer", p12.toString());
        assertEquals(original, load(copy, PW, "mine").chain().get(0));

        Path pem = file("export.pem");
        ok("store", "export", "--store", store.toString(), "--password", PW, "--label", "mine", "--key", "--out", pem.toString(),
                "--out-password", "pem-pass");
        String text = Files.readString(pem);
        assertTrue(text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----"), text);
        assertFalse(text.contains("-----BEGIN PRIVATE KEY-----"), text);
        Path copy2 = file("copy2.p12");
        ok("store", "import", "--store", copy2.toString(), "--password", PW, "--label", "again", "--in-password", "pem-pass", pem.toString());
        assertEquals(original, load(copy2, PW, "again").chain().get(0));

        Cli.Run stdout = ok("store", "export", "--store", store.toString(), "--password", PW, "--label", "mine");
        assertTrue(stdout.out().startsWith("-----BEGIN CERTIFICATE-----"), stdout.out());
    }

    @Test
    void storeErrorsAreOneLineAndUsageErrorsExitTwo() {
        Cli.Run missing = Cli.run("store", "list", "--store", file("none.p12").toString(), "--password", PW);
        assertEquals(1, missing.exitCode());
        missing.assertOneLineError();
        assertTrue(missing.err().contains("does not exist"), missing.err());

        for (String[] args : new String[][] {
            {"store"},
            {"store", "create"},
            {"store", "create", "--store", file("p.p12").toString()},   // no password and no terminal to ask on
            {"store", "create", "--store", file("p.p12").toString(), "--password", PW, "--type", "pem"},
            {"store", "self-signed", "--store", file("p.p12").toString(), "--password", PW, "--label", "x", "--dn", "CN=x",
                "--key-type", "dsa"},
            {"store", "self-signed", "--store", file("p.p12").toString(), "--password", PW, "--label", "x", "--dn", "CN=x",
                "--days", "0"},
            {"store", "export", "--store", file("p.p12").toString(), "--password", PW, "--label", "x", "--format", "pkcs12"},
        }) {
            Cli.Run r = Cli.run(args);
            assertEquals(2, r.exitCode(), () -> String.join(" ", args) + ": " + r.all());
            r.assertOneLineError();
        }
    }

    @Test
    void slowWorkPrintsAProgressLine() throws Exception {
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter err = new java.io.PrintWriter(text, true);
        Progress.run(err, "quick work", () -> null); // under a second: nothing is printed
        assertEquals("", text.toString());
        Progress.run(err, "slow work", () -> { // slow: it lasts until the progress line is out
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (!text.toString().contains("gsk4j: slow work ...") && System.nanoTime() < deadline) {
                Thread.sleep(10); // polling the output, bounded
            }
            return null;
        });
        assertTrue(text.toString().startsWith("gsk4j: slow work ...\ngsk4j: slow work: done in"), text.toString());
    }
}
