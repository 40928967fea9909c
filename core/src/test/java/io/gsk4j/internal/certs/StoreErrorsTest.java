package io.gsk4j.internal.certs;

import static io.gsk4j.internal.certs.CertsFixture.CLIENT;
import static io.gsk4j.internal.certs.CertsFixture.ROOT;
import static io.gsk4j.internal.certs.CertsFixture.RSA_SERVER;
import static io.gsk4j.internal.certs.CertsFixture.SERVER;
import static io.gsk4j.internal.certs.CertsFixture.assertStatus;
import static io.gsk4j.internal.certs.CertsFixture.keyring;
import static io.gsk4j.internal.certs.CertsFixture.pw;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.StoreLocations;
import io.gsk4j.testpki.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreErrorsTest {
    private static final String SECRET = "Corr3ct-Horse";
    private static final String WRONG = "Wr0ng-Battery";

    @TempDir
    Path dir;

    @Test
    void missingFile() {
        GskException e = assertStatus(GskStatus.GSK_KEYRING_OPEN_ERROR,
                () -> StoreLoader.load(keyring(dir.resolve("nope.p12"), pw(SECRET), null, dir)));
        assertTrue(e.getMessage().contains("nope.p12"));
    }

    @Test
    void directory() {
        assertStatus(GskStatus.GSK_KEYRING_OPEN_ERROR, () -> StoreLoader.load(keyring(dir, pw(SECRET), null, dir)));
    }

    @Test
    void corruptStores() throws Exception {
        byte[] p12 = Files.readAllBytes(TestPki.pkcs12().key("s", SERVER).write(dir.resolve("good.p12"), pw(SECRET)));
        Path truncated = Files.write(dir.resolve("truncated.p12"), Arrays.copyOf(p12, p12.length / 2));
        assertStatus(GskStatus.GSK_KEYRING_OPEN_ERROR, () -> StoreLoader.load(keyring(truncated, pw(SECRET), null, dir)));

        byte[] jks = Files.readAllBytes(TestPki.jks().key("s", SERVER).write(dir.resolve("good.jks"), pw(SECRET)));
        Path badJks = Files.write(dir.resolve("truncated.jks"), Arrays.copyOf(jks, 40));
        assertStatus(GskStatus.GSK_KEYRING_OPEN_ERROR, () -> StoreLoader.load(keyring(badJks, pw(SECRET), null, dir)));

        Path badPem = Files.writeString(dir.resolve("bad.pem"),
                "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
        assertStatus(GskStatus.GSK_KEYRING_OPEN_ERROR, () -> StoreLoader.load(keyring(badPem, null, null, dir)));

        Path unterminated = Files.writeString(dir.resolve("cut.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n");
        assertStatus(GskStatus.GSK_KEYRING_OPEN_ERROR, () -> StoreLoader.load(keyring(unterminated, null, null, dir)));

        Path empty = Files.write(dir.resolve("empty.p12"), new byte[0]);
        assertStatus(GskStatus.GSK_KEYRING_OPEN_ERROR, () -> StoreLoader.load(keyring(empty, pw(SECRET), null, dir)));
    }

    @Test
    void kdbIsNotReadable() throws Exception {
        byte[] random = new byte[4096];
        new SecureRandom().nextBytes(random);
        random[0] = 0x01; // not a DER SEQUENCE, not a keystore magic
        Path kdb = Files.write(dir.resolve("DEFAULT.KDB"), random);
        GskException e = assertStatus(GskStatus.GSK_KEYRING_OPEN_ERROR,
                () -> StoreLoader.load(keyring(kdb, pw(SECRET), null, dir)));
        assertTrue(e.getMessage().contains("PKCS#12"), e.getMessage());
        assertTrue(e.getMessage().contains(".kdb"), e.getMessage());
    }

    @Test
    void wrongPasswordPkcs12() {
        Path file = TestPki.pkcs12().key("s", SERVER).write(dir.resolve("s.p12"), pw(SECRET));
        assertWrongPassword(file);
    }

    @Test
    void wrongPasswordJks() {
        Path file = TestPki.jks().key("s", SERVER).write(dir.resolve("s.jks"), pw(SECRET));
        assertWrongPassword(file);
    }

    @Test
    void wrongPasswordEncryptedPem() {
        Path file = TestPki.pem().key("s", SERVER).key("c", CLIENT).key("r", RSA_SERVER).write(dir.resolve("s.pem"), pw(SECRET));
        assertWrongPassword(file);
    }

    private void assertWrongPassword(Path file) {
        char[] wrong = pw(WRONG);
        GskException e = assertStatus(GskStatus.GSK_ERROR_BAD_KEYFILE_PASSWORD,
                () -> StoreLoader.load(keyring(file, wrong, null, dir)));
        assertTrue(Arrays.equals(pw(WRONG), wrong), "the caller's password array is left alone");
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()) + t;
            assertFalse(message.contains(WRONG), "password leaked in: " + message);
            assertFalse(message.contains(SECRET), "password leaked in: " + message);
        }
    }

    @Test
    void noPasswordAndNoStash() {
        Path p12 = TestPki.pkcs12().key("s", SERVER).write(dir.resolve("s.p12"), pw(SECRET));
        assertStatus(GskStatus.GSK_NO_KEYFILE_PASSWORD, () -> StoreLoader.load(keyring(p12, null, null, dir)));
        Path jks = TestPki.jks().key("s", SERVER).write(dir.resolve("s.jks"), pw(SECRET));
        assertStatus(GskStatus.GSK_NO_KEYFILE_PASSWORD, () -> StoreLoader.load(keyring(jks, null, null, dir)));
        Path pem = TestPki.pem().key("s", SERVER).write(dir.resolve("s.pem"), pw(SECRET));
        assertStatus(GskStatus.GSK_NO_KEYFILE_PASSWORD, () -> StoreLoader.load(keyring(pem, null, null, dir)));
    }

    @Test
    void pemCertificateNotMatchingItsKey() {
        TestPki.Credential mismatched = new TestPki.Credential(CLIENT.key(), SERVER.chain());
        Path file = TestPki.pem().key("bad", mismatched).write(dir.resolve("bad.pem"), null);
        assertStatus(GskStatus.GSK_ERROR_BAD_CERTIFICATE, () -> StoreLoader.load(keyring(file, null, "bad", dir)));
    }

    @Test
    void requestToStringHidesPassword() {
        StoreRequest request = new StoreRequest("*SYSTEM", pw(SECRET), null, "lbl", "APP", StoreLocations.under(dir));
        assertFalse(request.toString().contains(SECRET), request.toString());
        assertTrue(request.toString().contains("lbl"));
        StoreRequest none = new StoreRequest(null, null, null, null, null, null);
        assertTrue(none.toString().contains("password=null"));
    }

    @Test
    void trustedOnlyStoreWithAWrongLabelNamesNoKeys() {
        Path file = TestPki.pem().trusted("root", ROOT.certificate()).write(dir.resolve("t.pem"), null);
        GskException e = assertStatus(GskStatus.GSK_ERROR_BAD_KEYFILE_LABEL,
                () -> StoreLoader.load(keyring(file, null, "server", dir)));
        assertTrue(e.getMessage().contains("no private keys"), e.getMessage());
    }
}
