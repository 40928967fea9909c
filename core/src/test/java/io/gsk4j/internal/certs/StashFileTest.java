package io.gsk4j.internal.certs;

import static io.gsk4j.internal.certs.CertsFixture.SERVER;
import static io.gsk4j.internal.certs.CertsFixture.assertStatus;
import static io.gsk4j.internal.certs.CertsFixture.pw;
import static io.gsk4j.internal.certs.StoreFormatsTest.assertKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.StoreLocations;
import io.gsk4j.testpki.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
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
    void anExistingWorldReadableStashIsReplacedByAnOwnerOnlyFile() throws Exception {
        assumePosix();
        Path stash = Files.writeString(dir.resolve("old.sth"), "an old stash");
        Files.setPosixFilePermissions(stash, PosixFilePermissions.fromString("rw-r--r--"));
        Object before = Files.readAttributes(stash, BasicFileAttributes.class).fileKey();
        StashFile.write(stash, pw("new secret"));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(stash));
        assertNotEquals(before, Files.readAttributes(stash, BasicFileAttributes.class).fileKey(), "a new file, not the old one rewritten");
        assertArrayEquals(pw("new secret"), StashFile.read(stash));
        assertEquals(List.of("old.sth"), names(dir), "no temporary file is left behind");
    }

    @Test
    void aSymlinkAtTheTargetIsReplacedNotFollowed() throws Exception {
        assumePosix();
        Path victim = Files.writeString(dir.resolve("victim.txt"), "someone else's file");
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-r--r--"));
        Path stash = Files.createSymbolicLink(dir.resolve("link.sth"), victim);
        StashFile.write(stash, pw("secret"));
        assertEquals("someone else's file", Files.readString(victim));
        assertEquals(PosixFilePermissions.fromString("rw-r--r--"), Files.getPosixFilePermissions(victim));
        assertFalse(Files.isSymbolicLink(stash), "the link itself was replaced");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(stash, LinkOption.NOFOLLOW_LINKS));
        assertArrayEquals(pw("secret"), StashFile.read(stash));
    }

    @Test
    void aFailedWriteLeavesTheOldStashAndNoTemporaryFile() throws Exception {
        Path stash = dir.resolve("keep.sth");
        StashFile.write(stash, pw("first"));
        assertThrows(IllegalArgumentException.class, () -> StashFile.write(stash, pw("x".repeat(2000))));
        assertArrayEquals(pw("first"), StashFile.read(stash));
        assertEquals(List.of("keep.sth"), names(dir));
    }

    private static List<String> names(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assumePosix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
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
