package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.support.GskPair;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import io.gsk4j.testpki.TestPki.Credential;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.function.Consumer;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gsk4j's own validation attributes over real handshakes: GSK4J_VALIDATION_PROFILE,
 * GSK4J_EXPECTED_HOSTNAME and GSK4J_MAX_CHAIN_DEPTH.
 */
class ValidationAttributesTest {
    @TempDir
    Path dir;

    private final Issued root = CertBuilder.ca("O=gsk4j tests,CN=Attributes Root").rsa(2048).selfSigned();

    /** A gsk4j server presenting {@code chain}; a gsk4j client trusting the root, configured by {@code client}. */
    private GskException connect(Issued leaf, X509Certificate[] chain, Consumer<Environment> client) throws Exception {
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION,
                Stores.pkcs12(dir, "server" + System.nanoTime(), new Credential(leaf.key(), chain)));
        Environment clientEnv = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION,
                Stores.pkcs12(dir, "client" + System.nanoTime(), null, root.cert()));
        client.accept(clientEnv);
        clientEnv.init();
        try (GskPair.Outcome o = GskPair.connect(serverEnv, clientEnv)) {
            if (o.failure() != null) {
                assertEquals(o.failure().validationCode(), o.client().getNumeric(NumericAttribute.GSK_LAST_VALIDATION_ERROR));
            }
            return o.failure();
        }
    }

    private static Consumer<Environment> with(EnumAttribute id, EnumValue value) {
        return env -> {
            try {
                env.set(id, value);
            } catch (GskException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void theJdkProfileAcceptsWhatStrictRefuses() throws Exception {
        Issued noAki = CertBuilder.server("CN=localhost", "localhost").without(Extension.authorityKeyIdentifier).issuedBy(root);
        X509Certificate[] chain = {noAki.cert()};
        GskException strict = connect(noAki, chain, env -> { });
        assertEquals(ValidationReason.AKI_MISSING.code(), strict.validationCode());
        assertEquals(null, connect(noAki, chain,
                with(EnumAttribute.GSK4J_VALIDATION_PROFILE, EnumValue.GSK4J_VALIDATION_PROFILE_JDK)));
    }

    @Test
    void theExpectedHostNameMustBeInTheCertificate() throws Exception {
        Issued leaf = CertBuilder.server("CN=localhost", "localhost", "127.0.0.1").issuedBy(root);
        X509Certificate[] chain = {leaf.cert()};
        for (String name : new String[] {"localhost", "LOCALHOST", "127.0.0.1"}) {
            assertEquals(null, connect(leaf, chain, env -> set(env, BufferAttribute.GSK4J_EXPECTED_HOSTNAME, name)), name);
        }
        GskException other = connect(leaf, chain, env -> set(env, BufferAttribute.GSK4J_EXPECTED_HOSTNAME, "other.example"));
        assertEquals(GskStatus.GSK_ERROR_CERT_VALIDATION.code(), other.code());
        assertEquals(ValidationReason.HOSTNAME_MISMATCH.code(), other.validationCode());
    }

    @Test
    void theMaximumDepthLimitsTheChain() throws Exception {
        Issued intermediate = CertBuilder.ca("CN=Attributes Issuing CA").rsa(2048).issuedBy(root);
        Issued leaf = CertBuilder.server("CN=localhost", "localhost").issuedBy(intermediate);
        X509Certificate[] chain = {leaf.cert(), intermediate.cert()};
        assertEquals(null, connect(leaf, chain, env -> { }));
        GskException tooLong = connect(leaf, chain, env -> {
            try {
                env.set(NumericAttribute.GSK4J_MAX_CHAIN_DEPTH, 1);
            } catch (GskException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(ValidationReason.CHAIN_TOO_LONG.code(), tooLong.validationCode());
    }

    private static void set(Environment env, BufferAttribute id, String value) {
        try {
            env.set(id, value);
        } catch (GskException e) {
            throw new IllegalStateException(e);
        }
    }
}
