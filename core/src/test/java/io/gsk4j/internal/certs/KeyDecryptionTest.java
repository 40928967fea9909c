package io.gsk4j.internal.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encrypted keys as OpenSSL writes them decrypt with the JDK's own providers, so the gsk4j
 * command's single jar (where BouncyCastle's provider has lost its signature) reads them on
 * JDKs that accept only signed providers; scrypt, which the JDK lacks, still decrypts through
 * BouncyCastle.
 */
class KeyDecryptionTest {
    private static final char[] PASSWORD = "pem-secret".toCharArray();

    @TempDir
    Path dir;

    private Path plain;

    @BeforeEach
    void key() throws Exception {
        assumeTrue(openssl("version") == 0, "openssl is not installed");
        plain = dir.resolve("plain.pem");
        assertEquals(0, openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", plain.toString()));
    }

    @Test
    void pbes2WithPbkdf2AndAesNeedsOnlyTheJdk() throws Exception {
        Path enc = encrypt("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA256");
        PKCS8EncryptedPrivateKeyInfo info = (PKCS8EncryptedPrivateKeyInfo) parse(enc);
        assertEquals(scalar(plainKey()), scalar(KeyDecryption.pkcs8WithJdk(info, PASSWORD)));
    }

    @Test
    void traditionalAesAndTripleDesNeedOnlyTheJdk() throws Exception {
        for (String cipher : new String[] {"-aes256", "-des3"}) {
            Path enc = encrypt("ec", cipher);
            PEMEncryptedKeyPair pair = (PEMEncryptedKeyPair) parse(enc);
            assertEquals(scalar(plainKey()), scalar(KeyDecryption.traditionalWithJdk(pair, PASSWORD).getPrivateKeyInfo()), cipher);
        }
    }

    @Test
    void scryptFallsBackToBouncyCastle() throws Exception {
        Path enc = encrypt("pkcs8", "-topk8", "-scrypt");
        PKCS8EncryptedPrivateKeyInfo info = (PKCS8EncryptedPrivateKeyInfo) parse(enc);
        assertThrows(Exception.class, () -> KeyDecryption.pkcs8WithJdk(info, PASSWORD)); // the JDK has no scrypt
        assertEquals(scalar(plainKey()), scalar(KeyDecryption.pkcs8(info, PASSWORD)));
    }

    @Test
    void aWrongPasswordFailsBothWays() throws Exception {
        PKCS8EncryptedPrivateKeyInfo info = (PKCS8EncryptedPrivateKeyInfo) parse(encrypt("pkcs8", "-topk8", "-v2", "aes-256-cbc"));
        Exception e = assertThrows(Exception.class, () -> KeyDecryption.pkcs8(info, "wrong".toCharArray()));
        assertEquals(1, e.getSuppressed().length, "BouncyCastle was tried as well");
    }

    /** The EC private value: the same key whatever PKCS#8 or SEC1 wrapping it came in. */
    private static java.math.BigInteger scalar(PrivateKeyInfo info) throws IOException {
        return ((java.security.interfaces.ECPrivateKey) new JcaPEMKeyConverter().getPrivateKey(info)).getS();
    }

    private PrivateKeyInfo plainKey() throws IOException {
        Object parsed = parse(plain);
        return parsed instanceof PrivateKeyInfo info ? info : ((org.bouncycastle.openssl.PEMKeyPair) parsed).getPrivateKeyInfo();
    }

    private Path encrypt(String command, String... options) throws Exception {
        Path out = dir.resolve("enc-" + command + "-" + String.join("", options).replace("-", "") + ".pem");
        List<String> args = new ArrayList<>(List.of(command, "-in", plain.toString(), "-out", out.toString(),
                "-passout", "pass:" + new String(PASSWORD)));
        args.addAll(List.of(options));
        assertEquals(0, openssl(args.toArray(String[]::new)), "openssl " + args);
        return out;
    }

    private static Object parse(Path file) throws IOException {
        try (PEMParser p = new PEMParser(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)))) {
            return p.readObject();
        }
    }

    private static int openssl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException notInstalled) {
            return -1;
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
