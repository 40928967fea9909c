package io.gsk4j.internal.ocsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;

/** The response cache: hits without network, nextUpdate expiry, LRU bound, and what is never kept. */
class OcspCacheTest {
    private TestPki.Ca ca;
    private Credential server;
    private OcspResponder responder;

    /** A clock the test moves forward by hand; starts at real time so responses are current. */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    @BeforeEach
    void start() {
        ca = TestPki.rootCa("OCSP Cache CA", KeyType.EC_P256);
        server = ca.issueServer("server.test", KeyType.EC_P256);
        responder = OcspResponder.start(ca);
        responder.nextUpdateOffset = Duration.ofHours(1);
    }

    @AfterEach
    void stop() {
        responder.close();
    }

    private OcspSettings cached(int entries) {
        return OcspTesting.withCache(OcspTesting.settings(responder.url()), entries);
    }

    @Test
    void secondCheckIsServedFromTheCache() {
        OcspChecker checker = new OcspChecker(cached(8));
        OcspResult first = checker.check(server.leaf(), ca.certificate(), null);
        OcspResult second = checker.check(server.leaf(), ca.certificate(), null);
        assertEquals(OcspStatus.GOOD, first.status(), first.detail());
        assertEquals(OcspStatus.GOOD, second.status(), second.detail());
        assertTrue(second.detail().endsWith("(cached)"), second.detail());
        assertEquals(1, responder.requests());
    }

    @Test
    void cachedAnswerNeedsNoTimeLeft() {
        OcspChecker checker = new OcspChecker(cached(8));
        checker.check(server.leaf(), ca.certificate(), null);
        OcspResult late = checker.check(server.leaf(), ca.certificate(), Instant.now().minusSeconds(5));
        assertEquals(OcspStatus.GOOD, late.status(), late.detail());
        assertEquals(1, responder.requests());
    }

    @Test
    void revokedIsCachedWithItsDetails() {
        Instant when = Instant.parse("2024-01-02T03:04:05Z");
        responder.status = new RevokedStatus(Date.from(when), CRLReason.superseded);
        OcspChecker checker = new OcspChecker(cached(8));
        checker.check(server.leaf(), ca.certificate(), null);
        OcspResult again = checker.check(server.leaf(), ca.certificate(), null);
        assertEquals(OcspStatus.REVOKED, again.status());
        assertEquals(when, again.revokedAt());
        assertEquals(CRLReason.superseded, again.revocationReason());
        assertEquals(1, responder.requests());
    }

    @Test
    void answerWithoutNextUpdateIsNotCached() {
        responder.nextUpdateOffset = null;
        OcspChecker checker = new OcspChecker(cached(8));
        checker.check(server.leaf(), ca.certificate(), null);
        checker.check(server.leaf(), ca.certificate(), null);
        assertEquals(2, responder.requests());
    }

    @Test
    void entryExpiresAtNextUpdate() {
        MovableClock clock = new MovableClock();
        OcspChecker checker = new OcspChecker(cached(8), clock);
        checker.check(server.leaf(), ca.certificate(), null);
        clock.advance(Duration.ofMinutes(59));
        checker.check(server.leaf(), ca.certificate(), null);
        assertEquals(1, responder.requests());
        clock.advance(Duration.ofMinutes(2)); // now past the first answer's nextUpdate
        OcspResult refreshed = checker.check(server.leaf(), ca.certificate(), null);
        assertEquals(2, responder.requests());
        // the fresh answer is within its own window (its nextUpdate is an hour after real now)
        assertEquals(OcspStatus.GOOD, refreshed.status(), refreshed.detail());
    }

    @Test
    void sizeZeroMeansNoCache() {
        OcspChecker checker = new OcspChecker(cached(0));
        checker.check(server.leaf(), ca.certificate(), null);
        checker.check(server.leaf(), ca.certificate(), null);
        assertEquals(2, responder.requests());
    }

    @Test
    void unavailableIsNeverCached() {
        OcspChecker checker = new OcspChecker(cached(8));
        responder.body = OcspResponder.Body.HTTP_500;
        assertEquals(OcspStatus.UNAVAILABLE, checker.check(server.leaf(), ca.certificate(), null).status());
        responder.body = OcspResponder.Body.OCSP;
        OcspResult second = checker.check(server.leaf(), ca.certificate(), null);
        assertEquals(OcspStatus.GOOD, second.status(), second.detail());
        assertTrue(!second.detail().contains("cached"), second.detail());
        assertEquals(2, responder.requests());
    }

    @Test
    void staleAnswerIsNotCached() {
        responder.thisUpdateOffset = Duration.ofHours(-3);
        responder.nextUpdateOffset = Duration.ofHours(-2);
        OcspChecker checker = new OcspChecker(cached(8));
        checker.check(server.leaf(), ca.certificate(), null);
        checker.check(server.leaf(), ca.certificate(), null);
        assertEquals(2, responder.requests());
    }

    @Test
    void leastRecentlyUsedIsEvicted() {
        Credential a = ca.issueServer("a.test", KeyType.EC_P256);
        Credential b = ca.issueServer("b.test", KeyType.EC_P256);
        Credential c = ca.issueServer("c.test", KeyType.EC_P256);
        OcspChecker checker = new OcspChecker(cached(2));
        checker.check(a.leaf(), ca.certificate(), null);   // miss
        checker.check(b.leaf(), ca.certificate(), null);   // miss
        checker.check(a.leaf(), ca.certificate(), null);   // hit: a is now the most recent
        checker.check(c.leaf(), ca.certificate(), null);   // miss, evicts b
        checker.check(a.leaf(), ca.certificate(), null);   // hit
        checker.check(b.leaf(), ca.certificate(), null);   // miss again
        List<BigInteger> asked = responder.seen().stream().map(s -> s.serials().get(0)).toList();
        assertEquals(List.of(serial(a), serial(b), serial(c), serial(b)), asked);
    }

    private static BigInteger serial(Credential credential) {
        return credential.leaf().getSerialNumber();
    }
}
