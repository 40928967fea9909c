package io.gsk4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gsk4j.internal.certs.StashFile;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store commands keytool and gsk8capicmd users reach for: intermediate CAs, requests
 * signed by a real CA (openssl) and received back, delete, rename, password change, and
 * keytool stores converted to PKCS#12. Results are read back with the JDK's KeyStore and
 * proven with real handshakes.
 */
class StoreLifecycleTest {
    private static final String PW = "secret-one";

    @TempDir
    Path dir;

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private static Cli.Run ok(String... args) {
        Cli.Run r = Cli.run(args);
        assertEquals(0, r.exitCode(), () -> String.join(" ", args) + "\n" + r.all());
        return r;
    }

    private static KeyStore open(String file, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            ks.load(in, password.toCharArray());
        }
        return ks;
    }

    @Test
    void intermediateCaIssuesCertificatesAClientVerifiesFromTheRootAlone() throws Exception {
        ok("store", "ca", "--store", file("ca.p12"), "--password", PW, "--label", "root", "--dn", "CN=Lifecycle Root",
                "--key-type", "ec-p256", "--path-length", "1");
        Cli.Run inter = ok("store", "ca", "--store", file("ca.p12"), "--password", PW, "--label", "issuing",
                "--dn", "CN=Lifecycle Issuing CA", "--key-type", "ec-p256", "--issuer", "root", "--path-length", "0");
        assertTrue(inter.out().contains("added the intermediate CA \"issuing\""), inter.out());
        assertTrue(inter.out().contains("issuer   CN=Lifecycle Root"), inter.out());

        Certificate[] chain = open(file("ca.p12"), PW).getCertificateChain("issuing");
        assertEquals(2, chain.length);
        X509Certificate issuing = (X509Certificate) chain[0];
        issuing.verify(chain[1].getPublicKey()); // really signed by the root
        assertEquals(0, issuing.getBasicConstraints());

        // path length 0: this CA may not make another CA
        Cli.Run tooDeep = Cli.run("store", "ca", "--store", file("ca.p12"), "--password", PW, "--label", "deeper",
                "--dn", "CN=Too Deep", "--key-type", "ec-p256", "--issuer", "issuing");
        assertEquals(1, tooDeep.exitCode(), tooDeep::all);
        tooDeep.assertOneLineError();
        assertTrue(tooDeep.err().contains("path length 0"), tooDeep.err());

        // a server certificate from the intermediate: the key entry carries leaf + intermediate + root,
        // so a client that trusts only the root accepts it
        ok("store", "sign", "--ca-store", file("ca.p12"), "--ca-password", PW, "--ca-label", "issuing",
                "--store", file("server.p12"), "--password", PW, "--label", "server", "--dn", "CN=localhost",
                "--san", "DNS:localhost,IP:127.0.0.1", "--key-type", "ec-p256", "--no-trust-ca");
        assertEquals(3, open(file("server.p12"), PW).getCertificateChain("server").length);
        ok("store", "export", "--store", file("ca.p12"), "--password", PW, "--label", "root", "--out", file("root.pem"));
        ok("store", "import", "--store", file("trust.p12"), "--password", PW, "--trusted", "--label", "root", file("root.pem"));
        try (Cli.Server s = Cli.Server.start("--keyring", file("server.p12"), "--password", PW, "--max-connections", "1")) {
            Cli.Run client = Cli.run("client", s.target(), "--keyring", file("trust.p12"), "--password", PW);
            assertEquals(0, client.exitCode(), client::all);
            s.await();
        }
    }

    @Test
    void csrSignedByOpenSslIsReceivedUnderTheSameLabelAndServes() throws Exception {
        assumeTrue(OpenSslInteropTest.openSslAvailable(), "openssl is not installed");
        TestPki.Ca ca = TestPki.rootCa("Lifecycle CSR CA", KeyType.EC_P256);
        Path caPem = TestPki.pem().trusted("ca", ca.certificate()).write(dir.resolve("ca.pem"), null);
        Path caKey = TestPki.pem().key("ca", new TestPki.Credential(ca.key(), ca.chain())).write(dir.resolve("ca-key.pem"), null);

        Cli.Run csr = ok("store", "csr", "--store", file("web.p12"), "--password", PW, "--label", "web", "--dn", "CN=localhost,O=gsk4j",
                "--san", "DNS:localhost,IP:127.0.0.1", "--key-type", "ec-p256", "--out", file("web.csr"));
        assertTrue(csr.out().contains("wrote the certificate request for CN=localhost,O=gsk4j"), csr.out());
        String request = Files.readString(dir.resolve("web.csr"));
        assertTrue(request.startsWith("-----BEGIN CERTIFICATE REQUEST-----"), request);

        // openssl checks the request's signature and sees the SANs asked for
        Process.Result verify = Process.run(dir, "openssl", "req", "-in", file("web.csr"), "-noout", "-verify", "-text");
        assertEquals(0, verify.code(), verify.output());
        assertTrue(verify.output().contains("DNS:localhost, IP Address:127.0.0.1"), verify.output());

        // a real CA signs it: openssl x509 -req, copying the requested extensions
        Process.Result sign = Process.run(dir, "openssl", "x509", "-req", "-in", file("web.csr"), "-CA", caPem.toString(),
                "-CAkey", caKey.toString(), "-set_serial", "4242", "-days", "30", "-copy_extensions", "copy",
                "-out", file("web-signed.pem"));
        assertEquals(0, sign.code(), sign.output());

        // the answer of another request (another key) is refused: nothing changes
        Path stranger = TestPki.pem().trusted("x", ca.issueServer("localhost", KeyType.EC_P256, "localhost").leaf())
                .write(dir.resolve("stranger.pem"), null);
        Cli.Run wrong = Cli.run("store", "receive", "--store", file("web.p12"), "--password", PW, "--label", "web", stranger.toString());
        assertEquals(1, wrong.exitCode(), wrong::all);
        wrong.assertOneLineError();
        assertTrue(wrong.err().contains("is for the key \"web\""), wrong.err());

        // the CA's answer alone: the chain stops below the root, and the command says so
        Cli.Run leafOnly = ok("store", "receive", "--store", file("web.p12"), "--password", PW, "--label", "web", file("web-signed.pem"));
        assertTrue(leafOnly.out().contains("received the signed certificate for \"web\""), leafOnly.out());
        assertTrue(leafOnly.err().contains("warning: the chain of \"web\" is only its own certificate CN=localhost,O=gsk4j,"
                + " issued by CN=Lifecycle CSR CA, which was not given"), leafOnly.err());

        // with the CA trusted in the store, receiving again completes the chain from it, without a warning
        ok("store", "import", "--store", file("web.p12"), "--password", PW, "--trusted", "--label", "ca", caPem.toString());
        Cli.Run full = ok("store", "receive", "--store", file("web.p12"), "--password", PW, "--label", "web", file("web-signed.pem"));
        assertFalse(full.err().contains("warning"), full.err());
        Certificate[] chain = open(file("web.p12"), PW).getCertificateChain("web");
        assertEquals(2, chain.length);
        assertEquals(java.math.BigInteger.valueOf(4242), ((X509Certificate) chain[0]).getSerialNumber());

        try (Cli.Server s = Cli.Server.start("--keyring", file("web.p12"), "--password", PW, "--label", "web", "--max-connections", "1")) {
            Cli.Run client = Cli.run("client", s.target(), "--keyring", file("web.p12"), "--password", PW);
            assertEquals(0, client.exitCode(), client::all);
            // the server presents the certificate openssl signed
            assertTrue(client.out().contains(StoreEntries.fingerprint((X509Certificate) chain[0])), client.out());
            s.await();
        }
    }

    @Test
    void deleteRenameAndPasswordKeepTheStoreUsable() throws Exception {
        String store = file("edit.p12");
        ok("store", "self-signed", "--store", store, "--password", PW, "--label", "alpha", "--dn", "alpha", "--key-type", "ec-p256",
                "--default");
        ok("store", "self-signed", "--store", store, "--password", PW, "--label", "beta", "--dn", "beta", "--key-type", "ec-p256");
        ok("store", "self-signed", "--store", store, "--password", PW, "--label", "gamma", "--dn", "gamma", "--key-type", "ec-p256");

        Cli.Run renamed = ok("store", "rename", "--store", store, "--password", PW, "alpha", "main");
        assertTrue(renamed.out().contains("renamed \"alpha\" to \"main\""), renamed.out());
        assertTrue(renamed.out().contains("now names \"main\""), renamed.out());
        assertEquals("main", Files.readString(dir.resolve("edit.p12.label")).trim());
        KeyStore ks = open(store, PW);
        assertTrue(ks.isKeyEntry("main"));
        assertFalse(ks.containsAlias("alpha"));
        assertEquals("CN=alpha", ((X509Certificate) ks.getCertificate("main")).getSubjectX500Principal().getName());

        Cli.Run clash = Cli.run("store", "rename", "--store", store, "--password", PW, "beta", "main");
        assertEquals(1, clash.exitCode());
        assertTrue(clash.err().contains("already used"), clash.err());

        // all or nothing: one unknown label deletes nothing
        Cli.Run unknown = Cli.run("store", "delete", "--store", store, "--password", PW, "gamma", "nope");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("no entry \"nope\""), unknown.err());
        assertTrue(open(store, PW).containsAlias("gamma"));
        Cli.Run deleted = ok("store", "delete", "--store", store, "--password", PW, "gamma");
        assertTrue(deleted.out().contains("deleted the key \"gamma\""), deleted.out());
        assertEquals(List.of("beta", "main"), sorted(open(store, PW)));

        // the new password opens the store and its keys; the old one and the old stash no longer do
        Path stash = dir.resolve("edit.sth");
        StashFile.write(stash, PW.toCharArray());
        Cli.Run changed = ok("store", "password", "--store", store, "--stash", stash.toString(), "--new-password", "second-secret");
        assertTrue(changed.out().contains("(2 keys re-encrypted)"), changed.out());
        assertEquals("second-secret", new String(StashFile.read(stash)));
        KeyStore reopened = open(store, "second-secret");
        assertTrue(reopened.getKey("main", "second-secret".toCharArray()) != null);
        Cli.Run old = Cli.run("store", "list", "--store", store, "--password", PW);
        assertEquals(1, old.exitCode());
        assertTrue(old.err().contains("wrong password"), old.err());

        // the server opens it with the rewritten stash and presents the renamed default key
        try (Cli.Server s = Cli.Server.start("--keyring", store, "--stash", stash.toString())) {
            s.awaitOutput("presenting    CN=alpha");
        }
    }

    @Test
    void keytoolStoresConvertToPkcs12WithTheirLabels() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(System.getProperty("java.home"), "bin", "keytool")), "no keytool");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        for (String type : List.of("JKS", "JCEKS")) {
            String old = file("old-" + type + ".ks");
            Process.Result made = Process.run(dir, keytool, "-genkeypair", "-keystore", old, "-storetype", type,
                    "-storepass", PW, "-keypass", PW, "-alias", "webserver", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=legacy.example", "-validity", "30");
            assertEquals(0, made.code(), made.output());
            Process.Result exported = Process.run(dir, keytool, "-exportcert", "-rfc", "-keystore", old, "-storetype", type,
                    "-storepass", PW, "-alias", "webserver", "-file", file("legacy-" + type + ".pem"));
            assertEquals(0, exported.code(), exported.output());
            Process.Result trusted = Process.run(dir, keytool, "-importcert", "-noprompt", "-keystore", old, "-storetype", type,
                    "-storepass", PW, "-alias", "partner-ca", "-file", file("legacy-" + type + ".pem"));
            assertEquals(0, trusted.code(), trusted.output());

            String converted = file("new-" + type + ".p12");
            Cli.Run r = ok("store", "import", "--store", converted, "--password", "new-secret", "--in-password", PW, old);
            assertTrue(r.out().contains("key \"webserver\": CN=legacy.example"), r.out());
            assertTrue(r.out().contains("trusted \"partner-ca\": CN=legacy.example"), r.out());
            KeyStore p12 = open(converted, "new-secret");
            assertEquals(List.of("partner-ca", "webserver"), sorted(p12));
            assertTrue(p12.isKeyEntry("webserver"));
            assertTrue(p12.isCertificateEntry("partner-ca"));
            // the store commands open the keytool store itself too
            Cli.Run list = ok("store", "list", "--store", old, "--password", PW);
            assertTrue(list.out().contains(type.toLowerCase() + " store, 2 entries"), list.out());
        }
    }

    @Test
    void importWarnsWhenTheKeysChainStopsBelowTheRoot() throws Exception {
        TestPki.Ca root = TestPki.rootCa("Warn Root", KeyType.EC_P256);
        TestPki.Ca issuing = root.intermediate("Warn Issuing", KeyType.EC_P256);
        TestPki.Credential leaf = issuing.issueServer("localhost", KeyType.EC_P256, "localhost");
        // the leaf and its key only: the intermediate is missing
        Path bare = TestPki.pem().key("k", new TestPki.Credential(leaf.key(), new X509Certificate[] {leaf.leaf()}))
                .write(dir.resolve("bare.pem"), null);
        Cli.Run r = ok("store", "import", "--store", file("bare.p12"), "--password", PW, "--label", "web", bare.toString());
        assertTrue(r.err().contains("gsk4j: warning: the chain of \"web\" is only its own certificate CN=localhost, issued by"
                + " CN=Warn Issuing, which was not given"), r.err());
        // leaf and intermediate, no root: what servers send, peers holding the root verify it
        Path noRoot = TestPki.pem().key("k", leaf).write(dir.resolve("no-root.pem"), null);
        Cli.Run fine = ok("store", "import", "--store", file("no-root.p12"), "--password", PW, "--label", "web", noRoot.toString());
        assertFalse(fine.err().contains("warning"), fine.err());
        assertEquals(2, open(file("no-root.p12"), PW).getCertificateChain("web").length);
        // a leaf issued by a root the store already trusts: nothing is missing
        Path rootIssued = TestPki.pem().key("k", root.issueServer("localhost", KeyType.EC_P256, "localhost"))
                .write(dir.resolve("root-issued.pem"), null);
        ok("store", "import", "--store", file("trusting.p12"), "--password", PW, "--trusted", "--label", "root",
                TestPki.pem().trusted("root", root.certificate()).write(dir.resolve("root.pem"), null).toString());
        Cli.Run known = ok("store", "import", "--store", file("trusting.p12"), "--password", PW, "--label", "web",
                rootIssued.toString());
        assertFalse(known.err().contains("warning"), known.err());
        // the whole chain: no warning
        Path whole = TestPki.pem().key("k", leaf).trusted("root", root.certificate()).write(dir.resolve("whole.pem"), null);
        Cli.Run quiet = ok("store", "import", "--store", file("whole.p12"), "--password", PW, "--label", "web", whole.toString());
        assertFalse(quiet.err().contains("warning"), quiet.err());
        assertEquals(3, open(file("whole.p12"), PW).getCertificateChain("web").length);
    }

    private static List<String> sorted(KeyStore ks) throws Exception {
        List<String> aliases = Collections.list(ks.aliases());
        Collections.sort(aliases);
        return aliases;
    }

    /** A child process run to its end with a bounded wait. */
    static final class Process {
        record Result(int code, String output) {
        }

        static Result run(Path dir, String... command) throws Exception {
            java.lang.Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        }
    }
}
