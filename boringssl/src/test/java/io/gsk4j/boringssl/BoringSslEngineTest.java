package io.gsk4j.boringssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.CertValidationCallback;
import io.gsk4j.Environment;
import io.gsk4j.GskStatus;
import io.gsk4j.TlsEngine;
import io.gsk4j.ValidationCallback;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.support.GskPair;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GSK4J_TLS_ENGINE = BORINGSSL really runs the handshake on BoringSSL, with gsk4j's own key and
 * trust decisions inside it.
 */
class BoringSslEngineTest {
    @TempDir
    Path dir;

    @Test
    void theAttributeChoosesBoringSslAndTheEnvironmentSaysSo() throws Exception {
        try (Environment env = environment(EnumValue.GSK_CLIENT_SESSION, null)) {
            env.set(EnumAttribute.GSK4J_TLS_ENGINE, EnumValue.GSK4J_TLS_ENGINE_BORINGSSL);
            env.init();
            TlsEngine engine = env.engine();
            assertEquals(TlsEngine.BORINGSSL, engine.name());
            assertFalse(engine.fellBack(), () -> "fell back: " + engine.fallbackReason());
            assertTrue(engine.implementation().startsWith("BoringSSL"), engine.implementation());
            assertEquals(EnumValue.GSK4J_TLS_ENGINE_BORINGSSL, env.getEnum(EnumAttribute.GSK4J_TLS_ENGINE));
        }
    }

    @Test
    void theHandshakeRunsInsideNettysOpenSslEngineWithGsk4jJudgingTheChain() throws Exception {
        Ca ca = TestPki.rootCa("Engine CA", KeyType.EC_P256);
        Credential server = ca.issueServer("localhost", KeyType.EC_P256, "localhost", "127.0.0.1");
        Set<String> judgedFrom = ConcurrentHashMap.newKeySet();
        try (Environment serverEnv = environment(EnumValue.GSK_SERVER_SESSION,
                        Stores.pkcs12(dir, "server", server, ca.certificate()));
                Environment clientEnv = environment(EnumValue.GSK_CLIENT_SESSION,
                        Stores.pkcs12(dir, "client", null, ca.certificate()))) {
            serverEnv.set(EnumAttribute.GSK4J_TLS_ENGINE, EnumValue.GSK4J_TLS_ENGINE_BORINGSSL);
            clientEnv.set(EnumAttribute.GSK4J_TLS_ENGINE, EnumValue.GSK4J_TLS_ENGINE_BORINGSSL);
            // the validation callback is gsk4j's: whoever calls it is the engine judging the chain
            ValidationCallback recordCaller = (chain, status) -> {
                StackWalker.getInstance().forEach(f -> judgedFrom.add(f.getClassName()));
                return status;
            };
            clientEnv.setValidationCallback(new CertValidationCallback(recordCaller, EnumValue.GSK_VALIDATION_REQUIRED,
                    EnumValue.GSK_CERTIFICATE_CHAIN_SENT_VIA_SSL));
            serverEnv.init();
            clientEnv.init();
            try (GskPair.Outcome outcome = GskPair.connect(serverEnv, clientEnv)) {
                assertNull(outcome.failure());
                assertEquals(GskStatus.GSK_OK.code(), outcome.client().getNumeric(
                        io.gsk4j.attr.NumericAttribute.GSK_CERTIFICATE_VALIDATION_CODE));
            }
        }
        assertTrue(judgedFrom.stream().anyMatch(c -> c.startsWith("io.netty.handler.ssl.ReferenceCountedOpenSsl")),
                () -> "the chain was judged outside netty's OpenSSL engine: " + judgedFrom);
        assertFalse(judgedFrom.stream().anyMatch(c -> c.startsWith("sun.security.ssl.")),
                () -> "SunJSSE took part: " + judgedFrom);
    }

    private Environment environment(EnumValue type, Path store) throws Exception {
        if (store == null) {
            Ca ca = TestPki.rootCa("Only CA", KeyType.EC_P256);
            store = Stores.pkcs12(dir, "only", null, ca.certificate());
        }
        return Stores.environment(dir, type, store);
    }
}
