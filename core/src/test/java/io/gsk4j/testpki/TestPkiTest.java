package io.gsk4j.testpki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestPkiTest {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @ParameterizedTest
    @EnumSource(TestPki.KeyType.class)
    void chainsVerifyUpToTheRoot(TestPki.KeyType type) throws Exception {
        TestPki.Ca root = TestPki.rootCa("Root " + type, type);
        TestPki.Ca inter = root.intermediate("Inter " + type, type);
        TestPki.Credential server = inter.issueServer("server.example", type);

        assertEquals(2, server.chain().length, "leaf + intermediate, no root");
        server.leaf().verify(inter.certificate().getPublicKey());
        inter.certificate().verify(root.certificate().getPublicKey());
        root.certificate().verify(root.certificate().getPublicKey());
        assertArrayEquals(new X509Certificate[] {inter.certificate(), root.certificate()}, inter.chain());
        assertEquals(server.leaf().getPublicKey().getAlgorithm(), server.key().getAlgorithm());
        assertKeyMatches(server);

        assertTrue(root.certificate().getBasicConstraints() >= 0, "root is a CA");
        assertTrue(root.certificate().getCriticalExtensionOIDs().contains("2.5.29.19"));
        assertTrue(root.certificate().getKeyUsage()[5], "keyCertSign");
        assertTrue(root.certificate().getKeyUsage()[6], "cRLSign");
        assertEquals(-1, server.leaf().getBasicConstraints(), "leaf is not a CA");
        assertTrue(server.leaf().getKeyUsage()[0], "digitalSignature");
        assertEquals(type == TestPki.KeyType.RSA_2048, server.leaf().getKeyUsage()[2], "keyEncipherment only for RSA");
        assertNotNull(server.leaf().getExtensionValue("2.5.29.14"), "SKI");
        assertNotNull(server.leaf().getExtensionValue("2.5.29.35"), "AKI");
        assertTrue(server.leaf().getSerialNumber().signum() > 0);
        assertEquals(16, server.leaf().getSerialNumber().toByteArray().length);
    }

    @Test
    void validityWindows() throws Exception {
        Instant from = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant to = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        TestPki.Ca expired = TestPki.rootCa("Old Root", TestPki.KeyType.EC_P256, from, to);
        assertEquals(from, expired.certificate().getNotBefore().toInstant());
        assertEquals(to, expired.certificate().getNotAfter().toInstant());

        TestPki.Ca root = TestPki.rootCa("Root", TestPki.KeyType.EC_P256);
        Instant now = Instant.now();
        assertTrue(root.certificate().getNotBefore().toInstant().isBefore(now));
        assertTrue(root.certificate().getNotAfter().toInstant().isAfter(now.plus(3000, ChronoUnit.DAYS)));

        TestPki.Credential leaf = root.issue("late", TestPki.KeyType.EC_P256, to.plus(100, ChronoUnit.DAYS),
                to.plus(200, ChronoUnit.DAYS), true, false);
        assertEquals(to.plus(100, ChronoUnit.DAYS), leaf.leaf().getNotBefore().toInstant());
        assertEquals(null, leaf.leaf().getSubjectAlternativeNames(), "no SANs unless asked");
    }

    @Test
    void sansAndEkus() throws Exception {
        TestPki.Ca root = TestPki.rootCa("Root", TestPki.KeyType.EC_P256);
        TestPki.Credential server = root.issueServer("srv", TestPki.KeyType.EC_P256,
                "host.example", "127.0.0.1", "::1", "[fe80::1]");
        assertEquals(Set.of(List.of(2, "host.example"), List.of(7, "127.0.0.1"),
                List.of(7, "0:0:0:0:0:0:0:1"), List.of(7, "fe80:0:0:0:0:0:0:1")), sans(server.leaf()));
        assertEquals(List.of(SERVER_AUTH), server.leaf().getExtendedKeyUsage());

        TestPki.Credential defaulted = root.issueServer("default.example", TestPki.KeyType.EC_P256);
        assertEquals(Set.of(List.of(2, "default.example")), sans(defaulted.leaf()));

        TestPki.Credential client = root.issueClient("alice", TestPki.KeyType.RSA_2048);
        assertEquals(List.of(CLIENT_AUTH), client.leaf().getExtendedKeyUsage());
        assertEquals(1, client.chain().length);

        TestPki.Credential self = TestPki.selfSigned("self", TestPki.KeyType.ED25519, "localhost");
        self.leaf().verify(self.leaf().getPublicKey());
        assertEquals(-1, self.leaf().getBasicConstraints());
        assertEquals(List.of(SERVER_AUTH, CLIENT_AUTH), self.leaf().getExtendedKeyUsage());
        assertEquals(Set.of(List.of(2, "localhost")), sans(self.leaf()));
    }

    @Test
    void keyStoresAreWrittenInTheirFormats(@TempDir Path dir) throws Exception {
        TestPki.Ca root = TestPki.rootCa("Root", TestPki.KeyType.RSA_2048);
        TestPki.Credential server = root.intermediate("Inter", TestPki.KeyType.EC_P256)
                .issueServer("srv", TestPki.KeyType.EC_P256);
        char[] password = "s3cret".toCharArray();
        for (String type : List.of("PKCS12", "JKS")) {
            TestPki.StoreBuilder builder = type.equals("JKS") ? TestPki.jks() : TestPki.pkcs12();
            Path file = builder.key("server", server).trusted("root", root.certificate())
                    .write(dir.resolve("store." + type), password);
            KeyStore store = KeyStore.getInstance(type);
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
            assertTrue(store.isKeyEntry("server"), type);
            assertTrue(store.isCertificateEntry("root"), type);
            // the JDK's PKCS#12 reader completes chains from other certificates in the file (here the root)
            java.security.cert.Certificate[] chain = store.getCertificateChain("server");
            assertEquals(server.leaf(), chain[0], type);
            assertEquals(server.chain()[1], chain[1], type);
        }

        Path pem = TestPki.pem().key("server", server).trusted("root", root.certificate())
                .write(dir.resolve("store.pem"), null);
        String text = Files.readString(pem, StandardCharsets.UTF_8);
        assertTrue(text.contains("friendlyName: server"));
        assertTrue(text.contains("friendlyName: root"));
        assertTrue(text.contains("-----BEGIN PRIVATE KEY-----"));
        assertEquals(3, text.split("-----BEGIN CERTIFICATE-----", -1).length - 1);

        Path encrypted = TestPki.pem().key("server", server).write(dir.resolve("enc.pem"), password);
        String encText = Files.readString(encrypted, StandardCharsets.UTF_8);
        assertTrue(encText.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        assertFalse(encText.contains("-----BEGIN PRIVATE KEY-----"));
    }

    @Test
    void stashIsXoredPassword(@TempDir Path dir) throws Exception {
        Path stash = TestPki.writeStash(dir.resolve("a.sth"), "pässword".toCharArray());
        byte[] bytes = Files.readAllBytes(stash);
        assertEquals(1024, bytes.length);
        byte[] expected = "pässword".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], (byte) (bytes[i] ^ 0xF5));
        }
        assertEquals(0, (bytes[expected.length] ^ 0xF5) & 0xFF);
    }

    private static void assertKeyMatches(TestPki.Credential credential) throws Exception {
        String algorithm = switch (credential.key().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> "Ed25519";
        };
        byte[] data = "probe".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(credential.key());
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(credential.leaf().getPublicKey());
        verifier.update(data);
        assertTrue(verifier.verify(signature));
    }

    private static Set<List<?>> sans(X509Certificate cert) throws Exception {
        Collection<List<?>> names = cert.getSubjectAlternativeNames();
        return names == null ? Set.of() : names.stream().map(n -> List.of(n.get(0), n.get(1))).collect(Collectors.toSet());
    }
}
