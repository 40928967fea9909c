package io.gsk4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CrlBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gsk4j verify}: the handshake's validator on a PEM chain, with the client's explanations. */
class VerifyCommandTest {
    @TempDir
    static Path dir;
    static Pki pki;

    @BeforeAll
    static void pki() {
        pki = new Pki(dir);
    }

    private static Cli.Run verify(String... more) {
        return Cli.run(Pki.concat(Pki.concat(new String[] {"verify", pki.serverPem.toString()}, Pki.store(pki.trustStore)), more));
    }

    @Test
    void aTrustedChainIsValid() {
        Cli.Run r = verify("--host", "localhost");
        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().startsWith("valid: "), r.out());
    }

    @Test
    void anUntrustedChainIsExplainedAsTheClientWould() {
        Cli.Run r = Cli.run(Pki.concat(new String[] {"verify", pki.serverPem.toString()}, Pki.store(pki.otherTrustStore)));
        assertEquals(1, r.exitCode(), r.all());
        assertTrue(r.out().contains("refused: 6000 GSK_IBMI_ERROR_NOT_TRUSTED_ROOT"), r.out());
        assertTrue(r.out().contains("likely cause") && r.out().contains("fix"), r.out());
        assertTrue(r.out().contains("passthru"), "PASSTHRU would start a session: " + r.out());
    }

    @Test
    void theTimeAndTheHostAreTheCallersChoice() {
        Cli.Run later = verify("--at", Instant.now().plus(Duration.ofDays(3650)).toString());
        assertEquals(1, later.exitCode(), later.all());
        assertTrue(later.out().contains("refused: 107 GSK_KEYFILE_CERT_EXPIRED"), later.out());
        Cli.Run otherHost = verify("--host", "www.example.com");
        assertEquals(1, otherHost.exitCode(), otherHost.all());
        assertTrue(otherHost.out().contains("validation code 576026"), otherHost.out());
        Cli.Run badTime = verify("--at", "yesterday");
        assertEquals(2, badTime.exitCode(), badTime.all());
        badTime.assertOneLineError();
    }

    @Test
    void theProfileAndCrlsAreTheCallersChoice() throws Exception {
        // a certificate without extended key usage: the default accepts it, STRICT does not
        KeyPair caKeys = new KeyPair(pki.ca.certificate().getPublicKey(), pki.ca.key());
        CertBuilder.Issued ca = new CertBuilder.Issued(pki.ca.certificate(), caKeys);
        CertBuilder.Issued noEku = CertBuilder.server("CN=localhost", "localhost")
                .without(org.bouncycastle.asn1.x509.Extension.extendedKeyUsage).issuedBy(ca);
        Path pem = dir.resolve("no-eku.pem");
        Files.writeString(pem, pemOf(noEku.cert()));
        String[] base = Pki.concat(new String[] {"verify", pem.toString()}, Pki.store(pki.trustStore));
        assertEquals(0, Cli.run(base).exitCode());
        Cli.Run strict = Cli.run(Pki.concat(base, "--profile", "strict"));
        assertEquals(1, strict.exitCode(), strict.all());
        assertTrue(strict.out().contains("576020"), strict.out());
        Path crl = dir.resolve("ca.crl");
        Files.writeString(crl, CrlBuilder.pem(CrlBuilder.by(ca).revoke(noEku.cert().getSerialNumber(), CrlBuilder.KEY_COMPROMISE).build()));
        Cli.Run revoked = Cli.run(Pki.concat(base, "--crl", crl.toString()));
        assertEquals(1, revoked.exitCode(), revoked.all());
        assertTrue(revoked.out().contains("validation code 575032"), revoked.out());
    }

    private static String pemOf(java.security.cert.X509Certificate c) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
