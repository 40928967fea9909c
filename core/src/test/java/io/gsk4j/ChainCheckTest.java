package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import io.gsk4j.testpki.CrlBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public validation entry point: an environment's trust, a chosen time, purpose, host name and profile. */
class ChainCheckTest {
    @TempDir
    Path dir;

    private final Issued root = CertBuilder.ca("O=gsk4j tests,CN=Check Root").selfSigned();
    private final Issued inter = CertBuilder.ca("O=gsk4j tests,CN=Check Issuing CA").issuedBy(root);

    private Environment client() throws GskException {
        return Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "check" + System.nanoTime(), null, root.cert()));
    }

    @Test
    void aValidChainAndTheEnvironmentsDefaults() throws Exception {
        Issued leaf = CertBuilder.server("CN=www.example.com", "www.example.com").issuedBy(inter);
        try (Environment env = client()) {
            ChainCheck.Result r = ChainCheck.against(env).check(List.of(leaf.cert(), inter.cert()));
            assertTrue(r.ok(), r::detail);
            assertEquals(0, r.validationCode());
            assertTrue(r.rule().isEmpty());
            // a client environment judges servers: a client certificate is refused for its purpose
            Issued alice = CertBuilder.client("CN=alice").issuedBy(inter);
            ChainCheck.Result c = ChainCheck.against(env).check(List.of(alice.cert(), inter.cert()));
            assertEquals(ValidationReason.EKU_PURPOSE_NOT_ALLOWED.code(), c.validationCode());
            assertTrue(ChainCheck.against(env).purpose(ChainCheck.Purpose.CLIENT).check(List.of(alice.cert(), inter.cert())).ok());
        }
    }

    @Test
    void timeHostAndProfileAreTheCallersChoice() throws Exception {
        Issued leaf = CertBuilder.server("CN=www.example.com", "www.example.com").without(Extension.extendedKeyUsage).issuedBy(inter);
        List<java.security.cert.X509Certificate> chain = List.of(leaf.cert(), inter.cert());
        try (Environment env = client()) {
            assertTrue(ChainCheck.against(env).check(chain).ok());
            ChainCheck.Result strict = ChainCheck.against(env).profile(EnumValue.GSK4J_VALIDATION_PROFILE_STRICT).check(chain);
            assertEquals(GskStatus.GSK_ERROR_CERT_VALIDATION, strict.status());
            assertEquals("EKU_MISSING", strict.rule().orElseThrow());
            assertTrue(strict.passableInPassthru(), "a STRICT-only refusal");
            ChainCheck.Result later = ChainCheck.against(env).at(Instant.now().plus(Duration.ofDays(800))).check(chain);
            assertEquals(GskStatus.GSK_KEYFILE_CERT_EXPIRED, later.status());
            ChainCheck.Result otherHost = ChainCheck.against(env).hostname("mail.example.com").check(chain);
            assertEquals(ValidationReason.HOSTNAME_MISMATCH.code(), otherHost.validationCode());
            assertFalse(otherHost.passableInPassthru());
            assertEquals(ValidationReason.CHAIN_TOO_LONG.code(), ChainCheck.against(env).maxDepth(1).check(chain).validationCode());
        }
    }

    @Test
    void theEnvironmentsAttributesAndCrlsApply() throws Exception {
        Issued leaf = CertBuilder.server("CN=www.example.com", "www.example.com").issuedBy(inter);
        Path crl = dir.resolve("inter.crl");
        Files.writeString(crl, CrlBuilder.pem(CrlBuilder.by(inter).revoke(leaf.cert().getSerialNumber(), CrlBuilder.KEY_COMPROMISE).build()));
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "crl-check", null, root.cert()));
        env.set(BufferAttribute.GSK4J_CRL_FILES, crl.toString());
        env.set(BufferAttribute.GSK4J_EXPECTED_HOSTNAME, "www.example.com");
        env.set(EnumAttribute.GSK4J_VALIDATION_PROFILE, EnumValue.GSK4J_VALIDATION_PROFILE_STRICT);
        env.init();
        try (env) {
            ChainCheck.Result r = ChainCheck.against(env).check(List.of(leaf.cert(), inter.cert()));
            assertEquals(ValidationReason.REVOKED.code(), r.validationCode(), r::detail);
        }
    }

    @Test
    void anEnvironmentMustBeInitialised() throws Exception {
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "uninit", null, root.cert()));
        try (env) {
            assertEquals(GskStatus.GSK_INVALID_STATE.code(), assertThrows(GskException.class, () -> ChainCheck.against(env)).code());
        }
    }
}
