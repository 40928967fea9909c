package io.gsk4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.internal.certs.StashFile;
import io.gsk4j.internal.certs.StoreLocations;
import io.gsk4j.internal.validation.ValidationReason;
import io.gsk4j.support.GskPair;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import io.gsk4j.testpki.CrlBuilder;
import io.gsk4j.testpki.TestPki.Credential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which chains real programs get through, over real gsk4j-to-gsk4j handshakes: the default
 * profile accepts what RFC 5280 accepts; STRICT is opt-in (attribute or application
 * definition); PASSTHRU starts the session when the chain failed only by expiry, an untrusted
 * root or a STRICT-only rule, with GSK_CERTIFICATE_VALIDATION_CODE (the status) and
 * GSK_LAST_VALIDATION_ERROR (the rule) saying why; a CRL the
 * environment names refuses a revoked server with 8 and 575032.
 */
class ValidationProfileHandshakeTest {
    @TempDir
    Path dir;

    private final Issued root = CertBuilder.ca("O=gsk4j tests,CN=Profile Root").rsa(2048).selfSigned();

    /** A trusted private-PKI server certificate without extended key usage. */
    private Issued noEku() {
        return CertBuilder.server("CN=localhost", "localhost").without(Extension.extendedKeyUsage).issuedBy(root);
    }

    private interface Setup {
        void on(Environment env) throws GskException;
    }

    /** The client's outcome against a gsk4j server presenting {@code leaf}; the client env is set up by {@code setup}. */
    private GskPair.Outcome connect(Issued leaf, Environment clientEnv, Setup setup) throws Exception {
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION,
                Stores.pkcs12(dir, "server" + System.nanoTime(), new Credential(leaf.key(), new X509Certificate[] {leaf.cert()})));
        setup.on(clientEnv);
        clientEnv.init();
        return GskPair.connect(serverEnv, clientEnv);
    }

    private GskPair.Outcome connect(Issued leaf, Setup setup) throws Exception {
        return connect(leaf, Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION,
                Stores.pkcs12(dir, "client" + System.nanoTime(), null, root.cert())), setup);
    }

    private static int validationCode(GskPair.Outcome o) throws GskException {
        return o.client().getNumeric(NumericAttribute.GSK_CERTIFICATE_VALIDATION_CODE);
    }

    @Test
    void theDefaultAcceptsAPrivatePkiLeafWithoutEku() throws Exception {
        try (GskPair.Outcome o = connect(noEku(), env -> { })) {
            assertNull(o.failure(), () -> String.valueOf(o.failure()));
            assertEquals(0, validationCode(o));
        }
    }

    @Test
    void strictIsOptInAndItsRulesNeverAbortPassthru() throws Exception {
        Setup strict = env -> env.set(EnumAttribute.GSK4J_VALIDATION_PROFILE, EnumValue.GSK4J_VALIDATION_PROFILE_STRICT);
        try (GskPair.Outcome o = connect(noEku(), strict)) {
            assertNotNull(o.failure());
            assertEquals(GskStatus.GSK_ERROR_CERT_VALIDATION.code(), o.failure().code());
            assertEquals(ValidationReason.EKU_MISSING.code(), o.failure().validationCode());
        }
        try (GskPair.Outcome o = connect(noEku(), env -> {
            strict.on(env);
            env.set(EnumAttribute.GSK_SERVER_AUTH_TYPE, EnumValue.GSK_SERVER_AUTH_PASSTHRU);
        })) {
            assertNull(o.failure(), () -> String.valueOf(o.failure()));
            // the session starts; the status and the rule say why
            assertEquals(GskStatus.GSK_ERROR_CERT_VALIDATION.code(), validationCode(o));
            assertEquals(ValidationReason.EKU_MISSING.code(), o.client().getNumeric(NumericAttribute.GSK_LAST_VALIDATION_ERROR));
        }
    }

    @Test
    void passthruStartsAnExpiredSessionOnlyWhenNothingElseIsWrong() throws Exception {
        Instant now = Instant.now();
        Setup passthru = env -> env.set(EnumAttribute.GSK_SERVER_AUTH_TYPE, EnumValue.GSK_SERVER_AUTH_PASSTHRU);
        Issued expired = CertBuilder.server("CN=localhost", "localhost")
                .validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))).issuedBy(root);
        try (GskPair.Outcome o = connect(expired, passthru)) {
            assertNull(o.failure(), () -> String.valueOf(o.failure()));
            assertEquals(GskStatus.GSK_KEYFILE_CERT_EXPIRED.code(), validationCode(o));
        }
        Issued expiredWithoutAki = CertBuilder.server("CN=localhost", "localhost").without(Extension.authorityKeyIdentifier)
                .validity(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))).issuedBy(root);
        try (GskPair.Outcome o = connect(expiredWithoutAki, passthru)) {
            assertNotNull(o.failure(), "expired and missing its AKI: more than expiry is wrong");
            assertEquals(GskStatus.GSK_KEYFILE_CERT_EXPIRED.code(), o.failure().code());
        }
        Issued stranger = CertBuilder.server("CN=localhost", "localhost")
                .issuedBy(CertBuilder.ca("O=gsk4j tests,CN=Stranger Root").selfSigned());
        try (GskPair.Outcome o = connect(stranger, passthru)) {
            assertNull(o.failure(), () -> String.valueOf(o.failure()));
            assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT.code(), validationCode(o));
        }
    }

    @Test
    void anApplicationDefinitionChoosesStrictWithoutCodeChanges() throws Exception {
        Path home = dir.resolve("gsk4j-home");
        Files.createDirectories(home);
        Path store = Stores.pkcs12(dir, "app-client", null, root.cert());
        Path stash = home.resolve("app-client.sth");
        StashFile.write(stash, Stores.PASSWORD.toCharArray());
        Files.writeString(home.resolve("appdefs.properties"), "STRICT_APP.store=" + escape(store) + "\nSTRICT_APP.stash="
                + escape(stash) + "\nSTRICT_APP.validationProfile=strict\nPLAIN_APP.store=" + escape(store)
                + "\nPLAIN_APP.stash=" + escape(stash) + "\n");
        for (String app : new String[] {"STRICT_APP", "PLAIN_APP"}) {
            Environment env = Environment.open(StoreLocations.under(home));
            env.set(EnumAttribute.GSK_SESSION_TYPE, EnumValue.GSK_CLIENT_SESSION);
            env.set(BufferAttribute.GSK_IBMI_APPLICATION_ID, app);
            try (GskPair.Outcome o = connect(noEku(), env, e -> { })) {
                if (app.equals("STRICT_APP")) {
                    assertNotNull(o.failure());
                    assertEquals(ValidationReason.EKU_MISSING.code(), o.failure().validationCode());
                } else {
                    assertNull(o.failure(), () -> String.valueOf(o.failure()));
                }
            }
        }
    }

    @Test
    void aCrlFileTheEnvironmentNamesRefusesARevokedServer() throws Exception {
        Issued leaf = CertBuilder.server("CN=localhost", "localhost").issuedBy(root);
        Path crl = dir.resolve("root.crl");
        Files.writeString(crl, CrlBuilder.pem(CrlBuilder.by(root).revoke(leaf.cert().getSerialNumber(), CrlBuilder.KEY_COMPROMISE).build()));
        Setup withCrl = env -> env.set(BufferAttribute.GSK4J_CRL_FILES, crl.toString());
        try (GskPair.Outcome o = connect(leaf, withCrl)) {
            assertNotNull(o.failure());
            assertEquals(GskStatus.GSK_ERROR_CERT_VALIDATION.code(), o.failure().code());
            assertEquals(ValidationReason.REVOKED.code(), o.failure().validationCode());
            assertEquals(575032, o.client().getNumeric(NumericAttribute.GSK_LAST_VALIDATION_ERROR));
        }
        // PASSTHRU never lets a revoked certificate through
        try (GskPair.Outcome o = connect(leaf, env -> {
            withCrl.on(env);
            env.set(EnumAttribute.GSK_SERVER_AUTH_TYPE, EnumValue.GSK_SERVER_AUTH_PASSTHRU);
        })) {
            assertNotNull(o.failure());
            assertEquals(ValidationReason.REVOKED.code(), o.failure().validationCode());
        }
        // a CRL that revokes someone else leaves the server trusted
        Files.writeString(crl, CrlBuilder.pem(CrlBuilder.by(root).build()));
        try (GskPair.Outcome o = connect(leaf, withCrl)) {
            assertNull(o.failure(), () -> String.valueOf(o.failure()));
        }
    }

    @Test
    void pathBuildingFindsTheChainThroughTheTrustedRootOfTwo() throws Exception {
        // the server sends its intermediate certified by an old root first, then by the new one;
        // the client trusts only the new root: the first issuer must be backtracked from
        Issued oldRoot = CertBuilder.ca("O=gsk4j tests,CN=Old Root").selfSigned();
        java.security.KeyPair interKey = CertBuilder.ca("CN=key holder").selfSigned().keys();
        Issued byOld = CertBuilder.ca("O=gsk4j tests,CN=Cross CA").key(interKey).issuedBy(oldRoot);
        Issued byNew = CertBuilder.ca("O=gsk4j tests,CN=Cross CA").key(interKey).issuedBy(root);
        Issued leaf = CertBuilder.server("CN=localhost", "localhost").issuedBy(byOld);
        // a PEM store: PKCS#12 will not hold a chain whose third certificate does not issue the second
        Path serverPem = io.gsk4j.testpki.TestPki.pem().key("server",
                new Credential(leaf.key(), new X509Certificate[] {leaf.cert(), byOld.cert(), byNew.cert()})).write(dir.resolve("cross-server.pem"), null);
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, serverPem);
        Environment clientEnv = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "cross-client", null, root.cert()));
        try (GskPair.Outcome o = GskPair.connect(serverEnv, clientEnv)) {
            assertNull(o.failure(), () -> String.valueOf(o.failure()));
            assertEquals(0, validationCode(o));
        }
    }

    @Test
    void aCrlInAPemStoreCountsLikeACrlFile() throws Exception {
        Issued leaf = CertBuilder.server("CN=localhost", "localhost").issuedBy(root);
        Path pemStore = io.gsk4j.testpki.TestPki.pem().trusted("root", root.cert()).write(dir.resolve("trust-with-crl.pem"), null);
        Files.writeString(pemStore, CrlBuilder.pem(CrlBuilder.by(root).revoke(leaf.cert().getSerialNumber(), CrlBuilder.KEY_COMPROMISE)
                .build()), java.nio.file.StandardOpenOption.APPEND);
        try (GskPair.Outcome o = connect(leaf, Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, pemStore), env -> { })) {
            assertNotNull(o.failure());
            assertEquals(ValidationReason.REVOKED.code(), o.failure().validationCode());
        }
    }

    @Test
    void aMissingCrlFileFailsTheEnvironment() throws Exception {
        Environment env = Stores.environment(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "c", null, root.cert()));
        env.set(BufferAttribute.GSK4J_CRL_FILES, dir.resolve("nowhere.crl").toString());
        GskException e = org.junit.jupiter.api.Assertions.assertThrows(GskException.class, env::init);
        assertEquals(GskStatus.GSK_IBMI_ERROR_CRL_INVALID.code(), e.code());
        env.close();
    }

    private static String escape(Path p) {
        return p.toString().replace("\\", "\\\\");
    }
}
