package io.gsk4j.internal.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gsk4j.GskStatus;
import io.gsk4j.internal.validation.ValidationPolicy;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a resumed session may be told about its first verdict, and when it must be judged again instead. */
class FirstVerdictsTest {
    private static final TestPki.Ca CA = TestPki.rootCa("Verdicts CA", KeyType.EC_P256);
    private static final List<X509Certificate> CHAIN = List.of(CA.intermediate("Verdicts Intermediate", KeyType.EC_P256).issueServer("a", KeyType.EC_P256, "a.example").chain());
    private static final List<X509Certificate> OTHER = List.of(CA.issueServer("b", KeyType.EC_P256, "b.example").chain());
    private static final ChainValidator VALIDATOR = new ChainValidator(List.of(CA.certificate()));
    private static final ChainVerdict EXPIRED = new ChainVerdict(GskStatus.GSK_KEYFILE_CERT_EXPIRED, "expired");

    private static SessionBinding binding(ChainValidator validator, ValidationPolicy policy, SessionBinding.PeerAuth auth) {
        return new SessionBinding("x", null, List.of(), validator, auth, null, null, null, policy);
    }

    private static SessionBinding plain() {
        return binding(VALIDATOR, ValidationPolicy.defaults(ValidationPolicy.Purpose.SERVER), SessionBinding.PeerAuth.PASSTHRU);
    }

    @Test
    void aSessionJudgedAlikeGetsTheCodesItsFullHandshakeRecorded() {
        FirstVerdicts v = new FirstVerdicts(60);
        v.remember(1_000, CHAIN, plain(), EXPIRED);
        assertEquals(new FirstVerdicts.Codes(107, 107), v.recall(1_000, CHAIN, plain(), 2_000));
    }

    @Test
    void anythingElseIsAMiss() {
        FirstVerdicts v = new FirstVerdicts(60);
        v.remember(1_000, CHAIN, plain(), EXPIRED);
        ValidationPolicy server = ValidationPolicy.defaults(ValidationPolicy.Purpose.SERVER);
        assertNull(v.recall(1_000, OTHER, plain(), 2_000), "another chain");
        assertNull(v.recall(1_000, CHAIN.subList(0, 1), plain(), 2_000), "part of the chain");
        assertNull(v.recall(1_000, CHAIN, binding(VALIDATOR, server.withProfile(ValidationPolicy.Profile.STRICT),
                SessionBinding.PeerAuth.PASSTHRU), 2_000), "another profile");
        assertNull(v.recall(1_000, CHAIN, binding(VALIDATOR, server.withExpectedHostname("a.example"),
                SessionBinding.PeerAuth.PASSTHRU), 2_000), "another host name");
        assertNull(v.recall(1_000, CHAIN, binding(VALIDATOR, server, SessionBinding.PeerAuth.FULL), 2_000), "FULL, not PASSTHRU");
        assertNull(v.recall(1_000, CHAIN, binding(new ChainValidator(List.of(CA.certificate())), server,
                SessionBinding.PeerAuth.PASSTHRU), 2_000), "another store");
        assertNull(new FirstVerdicts(60).recall(1_000, CHAIN, plain(), 2_000), "another environment");
    }

    /** BoringSSL's TLS 1.3 resumption makes the session anew: its creation time is not the full handshake's. */
    @Test
    void aSessionWhoseCreationTimeChangedGetsTheLatestCodesForItsChainAndJudgement() {
        FirstVerdicts v = new FirstVerdicts(60);
        v.remember(1_000, CHAIN, plain(), ChainVerdict.OK);
        v.remember(1_500, CHAIN, plain(), EXPIRED);
        assertEquals(new FirstVerdicts.Codes(0, 0), v.recall(1_000, CHAIN, plain(), 2_000), "its own entry first");
        assertEquals(new FirstVerdicts.Codes(107, 107), v.recall(1_700, CHAIN, plain(), 2_000), "else the latest");
        assertNull(v.recall(1_700, OTHER, plain(), 2_000), "never another chain's");
        assertNull(v.recall(1_700, CHAIN, binding(VALIDATOR, ValidationPolicy.defaults(ValidationPolicy.Purpose.SERVER),
                SessionBinding.PeerAuth.FULL), 2_000), "never another judgement's");
        assertNull(v.recall(1_700, CHAIN, plain(), 61_500), "nor one that could no longer be resumed");
    }

    @Test
    void aSessionPastItsTimeoutIsForgotten() {
        FirstVerdicts v = new FirstVerdicts(60);
        v.remember(1_000, CHAIN, plain(), EXPIRED);
        assertNull(v.recall(1_000, CHAIN, plain(), 61_000));
        assertEquals(0, v.size());
        FirstVerdicts forever = new FirstVerdicts(0);
        forever.remember(1_000, CHAIN, plain(), EXPIRED);
        assertEquals(new FirstVerdicts.Codes(107, 107), forever.recall(1_000, CHAIN, plain(), Long.MAX_VALUE - 1));
    }

    @Test
    void theOldestGoFirstBeyondTheCapacity() {
        FirstVerdicts v = new FirstVerdicts(60);
        v.remember(0, CHAIN, plain(), EXPIRED);
        for (int i = 1; i <= FirstVerdicts.CAPACITY; i++) {
            v.remember(i, CHAIN, plain(), ChainVerdict.OK);
        }
        assertEquals(FirstVerdicts.CAPACITY, v.size());
        // the first session's own entry is gone: it gets the latest for its chain, not its 107
        assertEquals(new FirstVerdicts.Codes(0, 0), v.recall(0, CHAIN, plain(), 1));
    }
}
