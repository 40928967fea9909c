package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.compat.GskHandle;
import io.gsk4j.compat.GskSslConstants;
import io.gsk4j.compat.Gsk;
import io.gsk4j.compat.IntRef;
import io.gsk4j.support.GskPair;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Choosing the TLS engine where only SunJSSE is on the class path (core's tests never have the
 * gsk4j-boringssl module): asking for BoringSSL falls back to SunJSSE, init still succeeds, the
 * environment says which engine it runs and why, and sessions work. The module's own tests
 * prove the BoringSSL side (boringssl/src/test).
 */
class TlsEngineChoiceTest {
    private static final Ca CA = TestPki.rootCa("Engine choice CA", KeyType.EC_P256);

    @TempDir
    Path dir;

    @Test
    void sunJsseIsTheDefaultAndNeedsNoReason() throws Exception {
        try (Environment env = clientEnvironment()) {
            assertEquals(EnumValue.GSK4J_TLS_ENGINE_JSSE, env.getEnum(EnumAttribute.GSK4J_TLS_ENGINE));
            GskException early = assertThrows(GskException.class, env::engine);
            assertEquals(GskStatus.GSK_IBMI_ERROR_NO_INITIALIZE.code(), early.code());
            env.init();
            TlsEngine engine = env.engine();
            assertEquals(TlsEngine.JSSE, engine.name());
            assertEquals(TlsEngine.JSSE, engine.requested());
            assertFalse(engine.fellBack());
            assertTrue(engine.implementation().startsWith("SunJSSE"), engine.implementation());
        }
    }

    @Test
    void boringSslWithoutItsModuleFallsBackToSunJsseAndSaysWhy() throws Exception {
        Path serverStore = Stores.pkcs12(dir, "server", CA.issueServer("localhost", KeyType.EC_P256, "localhost", "127.0.0.1"),
                CA.certificate());
        try (Environment server = Stores.environment(dir, EnumValue.GSK_SERVER_SESSION, serverStore);
                Environment client = clientEnvironment()) {
            client.set(EnumAttribute.GSK4J_TLS_ENGINE, EnumValue.GSK4J_TLS_ENGINE_BORINGSSL);
            // before init the get says what will be asked for; after it, what runs
            assertEquals(EnumValue.GSK4J_TLS_ENGINE_BORINGSSL, client.getEnum(EnumAttribute.GSK4J_TLS_ENGINE));
            client.init();
            server.init();
            TlsEngine engine = client.engine();
            assertEquals(TlsEngine.JSSE, engine.name());
            assertEquals(TlsEngine.BORINGSSL, engine.requested());
            assertTrue(engine.fallbackReason().orElseThrow().contains("gsk4j-boringssl"), engine.fallbackReason()::get);
            assertEquals(EnumValue.GSK4J_TLS_ENGINE_JSSE, client.getEnum(EnumAttribute.GSK4J_TLS_ENGINE));
            try (GskPair.Outcome outcome = GskPair.connect(server, client)) {
                assertNull(outcome.failure(), "the fallback engine runs sessions");
            }
        }
    }

    @Test
    void theCompatLayerSetsTheAttributeAndInitSucceedsOnTheFallback() {
        Path store = Stores.pkcs12(dir, "compat", null, CA.certificate());
        GskHandle env = new GskHandle();
        assertEquals(GskSslConstants.GSK_OK, Gsk.gsk_environment_open(env));
        assertEquals(GskSslConstants.GSK_OK, Gsk.gsk_attribute_set_buffer(env, GskSslConstants.GSK_KEYRING_FILE, store.toString(), 0));
        assertEquals(GskSslConstants.GSK_OK, Gsk.gsk_attribute_set_buffer(env, GskSslConstants.GSK_KEYRING_PW, Stores.PASSWORD, 0));
        assertEquals(GskSslConstants.GSK_OK,
                Gsk.gsk_attribute_set_enum(env, GskSslConstants.GSK4J_TLS_ENGINE, GskSslConstants.GSK4J_TLS_ENGINE_BORINGSSL));
        assertEquals(GskSslConstants.GSK_OK, Gsk.gsk_environment_init(env));
        IntRef used = new IntRef();
        assertEquals(GskSslConstants.GSK_OK, Gsk.gsk_attribute_get_enum(env, GskSslConstants.GSK4J_TLS_ENGINE, used));
        assertEquals(GskSslConstants.GSK4J_TLS_ENGINE_JSSE, used.value);
        assertEquals(GskSslConstants.GSK_OK, Gsk.gsk_environment_close(env));

        GskHandle other = new GskHandle();
        assertEquals(GskSslConstants.GSK_OK, Gsk.gsk_environment_open(other));
        assertEquals(GskSslConstants.GSK_ATTRIBUTE_INVALID_ENUMERATION, Gsk.gsk_attribute_set_enum(other,
                GskSslConstants.GSK4J_TLS_ENGINE, GskSslConstants.GSK4J_VALIDATION_PROFILE_STRICT));
        assertEquals(GskSslConstants.GSK_OK, Gsk.gsk_environment_close(other));
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void thePropertyAsksWhenTheAttributeIsUnsetAndTheAttributeWins() throws Exception {
        String before = System.getProperty("gsk4j.engine");
        System.setProperty("gsk4j.engine", "BoringSSL");
        try (Environment byProperty = clientEnvironment(); Environment byAttribute = clientEnvironment()) {
            byAttribute.set(EnumAttribute.GSK4J_TLS_ENGINE, EnumValue.GSK4J_TLS_ENGINE_JSSE);
            byProperty.init();
            byAttribute.init();
            assertEquals(TlsEngine.BORINGSSL, byProperty.engine().requested());
            assertTrue(byProperty.engine().fellBack());
            assertEquals(TlsEngine.JSSE, byAttribute.engine().requested());
            assertFalse(byAttribute.engine().fellBack());
        } finally {
            restore(before);
        }
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void aPropertyNamingNoEngineFallsBackWithItsName() throws Exception {
        String before = System.getProperty("gsk4j.engine");
        System.setProperty("gsk4j.engine", "wolfssl");
        try (Environment env = clientEnvironment()) {
            env.init();
            assertEquals(TlsEngine.JSSE, env.engine().name());
            assertTrue(env.engine().fallbackReason().orElseThrow().contains("\"wolfssl\""), env.engine().fallbackReason()::get);
        } finally {
            restore(before);
        }
    }

    private Environment clientEnvironment() throws GskException {
        return Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "client", null, CA.certificate()));
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty("gsk4j.engine");
        } else {
            System.setProperty("gsk4j.engine", before);
        }
    }
}
