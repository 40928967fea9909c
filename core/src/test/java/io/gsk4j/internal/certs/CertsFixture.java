package io.gsk4j.internal.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.StoreLocations;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.file.Path;
import org.junit.jupiter.api.function.Executable;

/** One small PKI shared by the store tests (key generation is the slow part), plus helpers. */
final class CertsFixture {
    static final TestPki.Ca ROOT = TestPki.rootCa("Fixture Root", KeyType.EC_P256);
    static final TestPki.Ca INTER = ROOT.intermediate("Fixture Intermediate", KeyType.EC_P256);
    static final TestPki.Credential SERVER = INTER.issueServer("server.example", KeyType.EC_P256);
    static final TestPki.Credential RSA_SERVER = ROOT.issueServer("rsa.example", KeyType.RSA_2048);
    static final TestPki.Credential CLIENT = ROOT.issueClient("client", KeyType.ED25519);
    static final TestPki.Ca OTHER_ROOT = TestPki.rootCa("Other Root", KeyType.EC_P256);

    private CertsFixture() {
    }

    static char[] pw(String text) {
        return text.toCharArray();
    }

    static StoreRequest keyring(Path file, char[] password, String label, Path home) {
        return new StoreRequest(file.toString(), password, null, label, null, StoreLocations.under(home));
    }

    static GskException assertStatus(GskStatus expected, Executable call) {
        GskException e = assertThrows(GskException.class, call);
        assertEquals(expected.code(), e.code(), () -> "expected " + expected + " but got: " + e.getMessage());
        return e;
    }
}
