package io.gsk4j.internal.certs;

import static io.gsk4j.internal.certs.CertsFixture.CLIENT;
import static io.gsk4j.internal.certs.CertsFixture.ROOT;
import static io.gsk4j.internal.certs.CertsFixture.SERVER;
import static io.gsk4j.internal.certs.CertsFixture.assertStatus;
import static io.gsk4j.internal.certs.CertsFixture.pw;
import static io.gsk4j.internal.certs.StoreFormatsTest.assertKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gsk4j.GskStatus;
import io.gsk4j.testpki.TestPki;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated // one test sets the system property gsk4j.home, which every Environment.open() reads
class StoreResolutionTest {
    @TempDir
    Path home;

    private StoreLocations locations() {
        return StoreLocations.under(home);
    }

    private void systemStoreWithStash() throws Exception {
        TestPki.pkcs12().key("system-key", SERVER).trusted("root", ROOT.certificate())
                .write(locations().systemStore(), pw("system pw"));
        StashFile.write(locations().systemStash(), pw("system pw"));
    }

    @Test
    void locationsLayout() {
        StoreLocations at = locations();
        assertEquals(home.toAbsolutePath().normalize(), at.home());
        assertEquals(at.home().resolve("system.p12"), at.systemStore());
        assertEquals(at.home().resolve("system.sth"), at.systemStash());
        assertEquals(at.home().resolve("appdefs.properties"), at.applicationDefinitions());
        assertEquals(at.home().resolve("ICSS"), at.icssRoot());
    }

    @Test
    void systemNamesResolveToTheSystemStoreWithItsStash() throws Exception {
        systemStoreWithStash();
        for (String name : new String[] {"*SYSTEM", "*system", "/QIBM/UserData/ICSS/Cert/Server/DEFAULT.KDB",
                "/qibm/userdata/icss/cert/server/default.kdb", null}) {
            KeyMaterial material = StoreLoader.load(new StoreRequest(name, null, null, null, null, locations()));
            assertEquals(locations().systemStore(), material.source(), String.valueOf(name));
            assertKey(material, "system-key", SERVER);
        }
    }

    @Test
    void systemStoreWithoutStashNeedsAPassword() throws Exception {
        TestPki.pkcs12().key("k", SERVER).write(locations().systemStore(), pw("system pw"));
        assertStatus(GskStatus.GSK_NO_KEYFILE_PASSWORD,
                () -> StoreLoader.load(new StoreRequest("*SYSTEM", null, null, null, null, locations())));
        assertKey(StoreLoader.load(new StoreRequest("*SYSTEM", pw("system pw"), null, null, null, locations())), "k", SERVER);
    }

    @Test
    void otherIcssPathsMapBelowIcssRoot() throws Exception {
        Path expected = locations().icssRoot().resolve("Cert/Other/MYSTORE.p12");
        TestPki.pkcs12().key("k", CLIENT).write(expected, pw("other"));
        KeyMaterial material = StoreLoader.load(new StoreRequest("/QIBM/UserData/ICSS/Cert/Other/MYSTORE.KDB",
                pw("other"), null, null, null, locations()));
        assertEquals(expected, material.source());
        assertKey(material, "k", CLIENT);
        assertStatus(GskStatus.GSK_KEYRING_OPEN_ERROR, () -> StoreLoader.load(new StoreRequest(
                "/QIBM/UserData/ICSS/../../escape.KDB", pw("other"), null, null, null, locations())));
    }

    @Test
    void applicationIdUsesItsDefinition() throws Exception {
        Path store = home.resolve("apps/app.p12");
        TestPki.pkcs12().key("first", SERVER).key("second", CLIENT).write(store, pw("app pw"));
        StashFile.write(home.resolve("apps/app.sth"), pw("app pw"));
        Files.writeString(locations().applicationDefinitions(), String.join("\n",
                "MY_APP.store=apps/app.p12",
                "MY_APP.label=second",
                "MY_APP.stash=" + home.resolve("apps/app.sth").toString().replace("\\", "\\\\"),
                ""));
        KeyMaterial material = StoreLoader.load(new StoreRequest(null, null, null, null, "MY_APP", locations()));
        assertEquals(store.toAbsolutePath().normalize(), material.source().toAbsolutePath().normalize());
        assertKey(material, "second", CLIENT);
    }

    @Test
    void applicationIdOnTheSystemStore() throws Exception {
        systemStoreWithStash();
        Files.writeString(locations().applicationDefinitions(), "QIBM_TEST_APP.store=*SYSTEM\nQIBM_TEST_APP.label=system-key\n");
        KeyMaterial material = StoreLoader.load(new StoreRequest(null, null, null, null, "QIBM_TEST_APP", locations()));
        assertEquals(locations().systemStore(), material.source());
        assertKey(material, "system-key", SERVER);
    }

    @Test
    void unknownApplicationId() throws Exception {
        assertStatus(GskStatus.GSK_IBMI_ERROR_NOT_REGISTERED,
                () -> StoreLoader.load(new StoreRequest(null, null, null, null, "NOBODY", locations())));
        Files.writeString(locations().applicationDefinitions(), "OTHER.store=*SYSTEM\n");
        assertStatus(GskStatus.GSK_IBMI_ERROR_NOT_REGISTERED,
                () -> StoreLoader.load(new StoreRequest(null, null, null, null, "NOBODY", locations())));
    }

    @Test
    void defaultsComeFromTheSystemProperty() {
        String before = System.getProperty(StoreLocations.HOME_PROPERTY);
        try {
            System.setProperty(StoreLocations.HOME_PROPERTY, home.toString());
            assertEquals(locations(), StoreLocations.defaults());
        } finally {
            if (before == null) {
                System.clearProperty(StoreLocations.HOME_PROPERTY);
            } else {
                System.setProperty(StoreLocations.HOME_PROPERTY, before);
            }
        }
    }
}
