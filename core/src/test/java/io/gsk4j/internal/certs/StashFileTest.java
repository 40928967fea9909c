package io.gsk4j.internal.certs;

import static io.gsk4j.internal.certs.CertsFixture.SERVER;
import static io.gsk4j.internal.certs.CertsFixture.assertStatus;
import static io.gsk4j.internal.certs.CertsFixture.pw;
import static io.gsk4j.internal.certs.StoreFormatsTest.assertKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.testpki.TestPki;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StashFileTest {
    @TempDir
    Path dir;

    @Test
    void writtenBytesAreXoredWithF5AndPadded() throws Exception {
        String password = "Stäsh-me 1";
        Path stash = dir.resolve("s.sth");
        StashFile.write(stash, pw(password));
        byte[] raw = Files.readAllBytes(stash);
        assertEquals(1024, raw.length);
        byte[] expected = password.getBytes(StandardCharsets.UTF_8);
        byte[] decoded = new byte[expected.length];
        for (int i = 0; i < expected.length; i++) {
            decoded[i] = (byte) (raw[i] ^ 0xF5);
        }
        assertArrayEquals(expected, decoded);
        assertEquals(0, (raw[expected.length] ^ 0xF5) & 0xFF, "XOR-ed NUL ends the password");
        assertArrayEquals(pw(password), StashFile.read(stash));
    }

    @Test
    void readsAStashWrittenIndependently() throws Exception {
        Path stash = TestPki.writeStash(dir.resolve("t.sth"), pw("from-test-pki"));
        assertArrayEquals(pw("from-test-pki"), StashFile.read(stash));
    }

    @Test
    void passwordRunsToTheEndWithoutTerminator() throws Exception {
        byte[] raw = "abc".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (raw[i] ^ 0xF5);
        }
        Path stash = Files.write(dir.resolve("short.sth"), raw);
        assertArrayEquals(pw("abc"), StashFile.read(stash));
    }

    @Test
    void storeLoadsWithOnlyTheStash() throws Exception {
        Path store = TestPki.pkcs12().key("server", SERVER).write(dir.resolve("s.p12"), pw("stashed secret"));
        Path stash = dir.resolve("s.sth");
        StashFile.write(stash, pw("stashed secret"));
        StoreRequest request = new StoreRequest(store.toString(), null, stash.toString(), null, null, StoreLocations.under(dir));
        assertKey(StoreLoader.load(request), "server", SERVER);
    }

    @Test
    void stashWithWrongPasswordIs408() throws Exception {
        Path store = TestPki.jks().key("server", SERVER).write(dir.resolve("s.jks"), pw("right"));
        Path stash = TestPki.writeStash(dir.resolve("s.sth"), pw("wrong"));
        StoreRequest request = new StoreRequest(store.toString(), null, stash.toString(), null, null, StoreLocations.under(dir));
        assertStatus(GskStatus.GSK_ERROR_BAD_KEYFILE_PASSWORD, () -> StoreLoader.load(request));
    }

    @Test
    void missingStash() {
        Path store = TestPki.pkcs12().key("server", SERVER).write(dir.resolve("s.p12"), pw("x"));
        Path stash = dir.resolve("missing.sth");
        StoreRequest request = new StoreRequest(store.toString(), null, stash.toString(), null, null, StoreLocations.under(dir));
        GskException e = assertStatus(GskStatus.GSK_KEYRING_OPEN_ERROR, () -> StoreLoader.load(request));
        assertTrue(e.getMessage().contains(stash.toString()), e.getMessage());
        assertStatus(GskStatus.GSK_KEYRING_OPEN_ERROR, () -> StashFile.read(stash));
    }

    @Test
    void explicitPasswordWinsOverStash() throws Exception {
        Path store = TestPki.pkcs12().key("server", SERVER).write(dir.resolve("s.p12"), pw("real"));
        Path stash = TestPki.writeStash(dir.resolve("s.sth"), pw("stale"));
        StoreRequest request = new StoreRequest(store.toString(), pw("real"), stash.toString(), null, null, StoreLocations.under(dir));
        assertKey(StoreLoader.load(request), "server", SERVER);
    }
}
