package io.gsk4j.internal.certs;

import static io.gsk4j.internal.certs.CertsFixture.CLIENT;
import static io.gsk4j.internal.certs.CertsFixture.ROOT;
import static io.gsk4j.internal.certs.CertsFixture.RSA_SERVER;
import static io.gsk4j.internal.certs.CertsFixture.SERVER;
import static io.gsk4j.internal.certs.CertsFixture.assertStatus;
import static io.gsk4j.internal.certs.CertsFixture.keyring;
import static io.gsk4j.internal.certs.CertsFixture.pw;
import static io.gsk4j.internal.certs.StoreFormatsTest.assertKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.testpki.TestPki;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultKeyTest {
    @TempDir
    Path dir;

    @Test
    void theOnlyKeyIsTheDefault() throws Exception {
        Path file = TestPki.pkcs12().key("only", SERVER).trusted("root", ROOT.certificate()).write(dir.resolve("a.p12"), pw("pw"));
        assertKey(StoreLoader.load(keyring(file, pw("pw"), null, dir)), "only", SERVER);
    }

    @Test
    void sidecarNamesTheDefaultAmongSeveral() throws Exception {
        Path file = TestPki.jks().key("one", SERVER).key("two", CLIENT).write(dir.resolve("b.jks"), pw("pw"));
        Files.writeString(dir.resolve("b.jks.label"), "two\n");
        assertKey(StoreLoader.load(keyring(file, pw("pw"), null, dir)), "two", CLIENT);
        // an explicit label still wins over the sidecar
        assertKey(StoreLoader.load(keyring(file, pw("pw"), "one", dir)), "one", SERVER);
    }

    @Test
    void severalKeysWithoutDefault() {
        Path file = TestPki.pem().key("one", SERVER).key("two", CLIENT).write(dir.resolve("c.pem"), null);
        GskException e = assertStatus(GskStatus.GSK_ERROR_BAD_KEYFILE_LABEL,
                () -> StoreLoader.load(keyring(file, null, null, dir)));
        assertTrue(e.getMessage().contains("no default label"), e.getMessage());
        assertTrue(e.getMessage().contains("one, two"), e.getMessage());
    }

    @Test
    void sidecarNamingAMissingKey() throws Exception {
        Path file = TestPki.pem().key("one", SERVER).key("two", CLIENT).write(dir.resolve("d.pem"), null);
        Files.writeString(dir.resolve("d.pem.label"), "three");
        assertStatus(GskStatus.GSK_ERROR_BAD_KEYFILE_LABEL, () -> StoreLoader.load(keyring(file, null, null, dir)));
    }

    @Test
    void missingLabelListsAtMostTenKeys() {
        TestPki.StoreBuilder builder = TestPki.pem();
        for (int i = 1; i <= 12; i++) {
            builder.key("key" + i, SERVER);
        }
        Path file = builder.write(dir.resolve("many.pem"), null);
        GskException e = assertStatus(GskStatus.GSK_ERROR_BAD_KEYFILE_LABEL,
                () -> StoreLoader.load(keyring(file, null, "absent", dir)));
        assertTrue(e.getMessage().contains("\"absent\""), e.getMessage());
        assertTrue(e.getMessage().contains("key10"), e.getMessage());
        assertFalse(e.getMessage().contains("key11"), e.getMessage());
        assertTrue(e.getMessage().contains("and 2 more"), e.getMessage());
    }

    @Test
    void labelOfATrustedCertificate() {
        Path p12 = TestPki.pkcs12().key("server", SERVER).trusted("root", ROOT.certificate()).write(dir.resolve("e.p12"), pw("pw"));
        assertStatus(GskStatus.GSK_ERROR_NO_PRIVATE_KEY, () -> StoreLoader.load(keyring(p12, pw("pw"), "root", dir)));
        Path pem = TestPki.pem().key("server", SERVER).trusted("root", ROOT.certificate()).write(dir.resolve("e.pem"), null);
        assertStatus(GskStatus.GSK_ERROR_NO_PRIVATE_KEY, () -> StoreLoader.load(keyring(pem, null, "root", dir)));
    }

    @Test
    void storeWithoutKeysIsFineWithoutLabel() throws Exception {
        Path file = TestPki.jks().trusted("root", ROOT.certificate()).write(dir.resolve("t.jks"), pw("pw"));
        KeyMaterial material = StoreLoader.load(keyring(file, pw("pw"), null, dir));
        assertTrue(material.privateKey().isEmpty());
        assertTrue(material.label().isEmpty());
        assertEquals(1, material.trustedCertificates().size());
    }

    @Test
    void pemLabelIsCaseSensitiveWhenExactMatchExists() throws Exception {
        Path file = TestPki.pem().key("Web", SERVER).key("web", RSA_SERVER).write(dir.resolve("f.pem"), null);
        assertKey(StoreLoader.load(keyring(file, null, "Web", dir)), "Web", SERVER);
        assertKey(StoreLoader.load(keyring(file, null, "web", dir)), "web", RSA_SERVER);
        assertStatus(GskStatus.GSK_ERROR_BAD_KEYFILE_LABEL, () -> StoreLoader.load(keyring(file, null, "WEB", dir)));
    }
}
