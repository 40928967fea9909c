package io.gsk4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.internal.certs.StashFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CMS key database (.kdb) copied off IBM i: gsk4j cannot read the format (IBM publishes no
 * description of it, see PORTING.md), so every store command says so and gives the
 * conversion command instead of a bare "not a store". The file here is not a real CMS database
 * (only IBM's tools write those); what is tested is that the name and an unreadable content
 * lead to the conversion advice, and that the companion .sth still opens the converted store.
 */
class CmsKeyDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void aKdbGetsTheConversionCommandNotABareRefusal() throws Exception {
        byte[] opaque = new byte[4096];
        new SecureRandom().nextBytes(opaque);
        opaque[0] = 0x01; // not a DER SEQUENCE, not a keytool magic, not PEM
        Path kdb = Files.write(dir.resolve("key.kdb"), opaque);
        Path sth = dir.resolve("key.sth");
        StashFile.write(sth, "kdb-secret".toCharArray());

        Cli.Run r = Cli.run("store", "list", "--store", kdb.toString(), "--stash", sth.toString());
        assertEquals(1, r.exitCode(), r::all);
        r.assertOneLineError();
        assertTrue(r.err().contains("is an IBM CMS key database, which only IBM's code reads"), r.err());
        assertTrue(r.err().contains("gsk8capicmd_64 -cert -export -db key.kdb -stashed -type cms -target key.p12"
                + " -target_type pkcs12"), r.err());

        // converted with -target_pw set to the database's password, the same stash opens the PKCS#12 file
        Path p12 = dir.resolve("key.p12");
        assertEquals(0, Cli.run("store", "self-signed", "--store", p12.toString(), "--password", "kdb-secret", "--label", "srv",
                "--dn", "srv", "--key-type", "ec-p256").exitCode());
        Cli.Run converted = Cli.run("store", "list", "--store", p12.toString(), "--stash", sth.toString());
        assertEquals(0, converted.exitCode(), converted::all);
        assertTrue(converted.out().contains("srv"), converted.out());
    }
}
