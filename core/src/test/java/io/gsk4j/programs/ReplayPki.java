package io.gsk4j.programs;

import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The certificates the replayed programs meet, made once per run: a server chained to the
 * root the client trusts, the same with an expired leaf, a self-signed one, one from a root
 * nobody trusts, and an RSA one for the RSA-key-exchange suite "2F".
 */
final class ReplayPki {
    static final String PASSWORD = "replay-secret";
    static final TestPki.Ca ROOT = TestPki.rootCa("Replay Root", KeyType.EC_P256);
    static final Credential GOOD = ROOT.issueServer("localhost", KeyType.EC_P256, "localhost", "127.0.0.1");
    static final Credential EXPIRED = ROOT.issue("localhost", KeyType.EC_P256,
            Instant.now().minus(Duration.ofDays(60)), Instant.now().minus(Duration.ofDays(2)), true, false, "localhost", "127.0.0.1");
    /** A private-PKI leaf as many are made: trusted root, no extended key usage (RFC 5280 accepts it). */
    static final Credential NO_EKU = ROOT.issue("localhost", KeyType.EC_P256,
            Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)), false, false, "localhost", "127.0.0.1");
    static final Credential SELF_SIGNED = TestPki.selfSigned("localhost", KeyType.EC_P256, "localhost", "127.0.0.1");
    static final Credential UNTRUSTED = TestPki.rootCa("Stranger Root", KeyType.EC_P256)
            .issueServer("localhost", KeyType.EC_P256, "localhost", "127.0.0.1");

    private static volatile Credential rsa;

    private ReplayPki() {
    }

    /** An RSA server certificate from the trusted root (made on first use: RSA keys are slow). */
    static Credential rsaGood() {
        if (rsa == null) {
            synchronized (ReplayPki.class) {
                if (rsa == null) {
                    rsa = ROOT.issueServer("localhost", KeyType.RSA_2048, "localhost", "127.0.0.1");
                }
            }
        }
        return rsa;
    }

    /** The client's store: the trusted root only, as a program names it in GSK_KEYRING_FILE. */
    static Path trustStore(Path dir) {
        return TestPki.pkcs12().trusted("replay-root", ROOT.certificate()).write(dir.resolve("trust.p12"), PASSWORD.toCharArray());
    }

    /** PEM files openssl s_server reads: the chain it sends and its key. */
    record ServerFiles(Path chain, Path key) {
    }

    static ServerFiles serverFiles(Path dir, String name, Credential c) {
        StringBuilder certs = new StringBuilder();
        try {
            for (X509Certificate x : c.chain()) {
                pem(certs, "CERTIFICATE", x.getEncoded());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return new ServerFiles(write(dir.resolve(name + "-chain.pem"), certs),
                write(dir.resolve(name + "-key.pem"), pem(new StringBuilder(), "PRIVATE KEY", c.key().getEncoded())));
    }

    private static StringBuilder pem(StringBuilder sb, String type, byte[] der) {
        sb.append("-----BEGIN ").append(type).append("-----\n")
                .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der))
                .append("\n-----END ").append(type).append("-----\n");
        return sb;
    }

    private static Path write(Path file, CharSequence text) {
        try {
            return Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
