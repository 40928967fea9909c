package io.gsk4j.internal.ocsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.support.RefusedPort;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Credential;
import io.gsk4j.testpki.TestPki.KeyType;

/** The HTTP side: methods, URLs, proxies, limits on size and time, and HTTP-level failures. */
class OcspTransportTest {
    /**
     * What a 1-2 s timeout or deadline must end a call within: well under the silent responder's
     * 10 s (the trickling peer never ends by itself), loose enough that a loaded machine's
     * scheduling cannot fail the test (a 2 s bound once saw 2.2 s at load 10).
     */
    private static final Duration CUT_SHORT = Duration.ofSeconds(8);

    private TestPki.Ca ca;
    private Credential server;
    private OcspResponder responder;

    @BeforeEach
    void start() {
        ca = TestPki.rootCa("OCSP Transport CA", KeyType.EC_P256);
        server = ca.issueServer("server.test", KeyType.EC_P256);
        responder = OcspResponder.start(ca);
    }

    @AfterEach
    void stop() {
        responder.close();
    }

    private OcspResult check(OcspSettings settings) {
        return new OcspChecker(settings).check(server.leaf(), ca.certificate(), null);
    }

    private static void assertUnavailable(OcspResult result, String detailPart) {
        assertEquals(OcspStatus.UNAVAILABLE, result.status(), result.detail());
        assertTrue(result.detail().contains(detailPart), () -> "detail '" + result.detail() + "' lacks '" + detailPart + "'");
    }

    @Test
    void postByDefault() {
        OcspResult result = check(OcspTesting.settings(responder.url()));
        assertEquals(OcspStatus.GOOD, result.status(), result.detail());
        OcspResponder.Seen seen = responder.last();
        assertEquals("POST", seen.method());
        assertEquals("/", seen.path());
        assertEquals("application/ocsp-request", seen.contentType());
        assertTrue(result.detail().contains("via POST"), result.detail());
    }

    @Test
    void getWhenAskedAndShortEnough() {
        OcspSettings settings = OcspTesting.withGet(OcspTesting.settings(responder.url()), true);
        OcspResult result = check(settings);
        assertEquals(OcspStatus.GOOD, result.status(), result.detail());
        assertEquals("GET", responder.last().method());
        assertEquals(List.of(server.leaf().getSerialNumber()), responder.last().serials());
        assertTrue(result.detail().contains("via GET"), result.detail());
    }

    @Test
    void getAppendsASegmentToAPathWithoutSlash() {
        OcspSettings settings = OcspTesting.withGet(OcspTesting.settings(responder.url() + "ocsp"), true);
        assertEquals(OcspStatus.GOOD, check(settings).status());
        assertTrue(responder.last().path().startsWith("/ocsp/"), responder.last().path());
    }

    @Test
    void getWithNonceStillFitsAndIsDecodedByTheResponder() {
        OcspSettings settings = OcspTesting.withNonce(
                OcspTesting.withGet(OcspTesting.settings(responder.url()), true), true, true, 32);
        OcspResult result = check(settings);
        assertEquals(OcspStatus.GOOD, result.status(), result.detail());
        assertEquals("GET", responder.last().method());
        assertEquals(32, responder.last().nonce().length);
    }

    @Test
    void postWhenTheGetUrlWouldExceed255Bytes() {
        String longUrl = responder.url() + "p".repeat(200);
        OcspSettings settings = OcspTesting.withGet(OcspTesting.settings(longUrl), true);
        OcspResult result = check(settings);
        assertEquals(OcspStatus.GOOD, result.status(), result.detail());
        assertEquals("POST", responder.last().method());
        assertEquals("/" + "p".repeat(200), responder.last().path());
    }

    @Test
    void http500() {
        responder.body = OcspResponder.Body.HTTP_500;
        assertUnavailable(check(OcspTesting.settings(responder.url())), "HTTP status 500");
    }

    @Test
    void redirectsAreNotFollowed() {
        try (OcspResponder elsewhere = OcspResponder.start(ca)) {
            responder.body = OcspResponder.Body.REDIRECT;
            responder.redirectTo = elsewhere.url();
            assertUnavailable(check(OcspTesting.settings(responder.url())), "redirect 302");
            assertEquals(0, elsewhere.requests());
        }
    }

    @Test
    void htmlIsNotAnOcspResponse() {
        responder.body = OcspResponder.Body.HTML;
        assertUnavailable(check(OcspTesting.settings(responder.url())), "text/html");
    }

    @Test
    void oversizedDeclaredBodyIsDiscarded() {
        responder.body = OcspResponder.Body.OVERSIZED;
        responder.oversizeBytes = OcspSettings.DEFAULT_MAX_RESPONSE_BYTES + 1;
        assertUnavailable(check(OcspTesting.settings(responder.url())), "larger than GSK_OCSP_MAX_RESPONSE_SIZE (20480 bytes)");
    }

    @Test
    void oversizedUndeclaredBodyIsDiscarded() {
        responder.body = OcspResponder.Body.OVERSIZED_UNDECLARED;
        responder.oversizeBytes = 1_000_000;
        assertUnavailable(check(OcspTesting.settings(responder.url())), "larger than GSK_OCSP_MAX_RESPONSE_SIZE");
    }

    @Test
    void sizeLimitIsExact() {
        // Ed25519 signatures and whole-second times make every response the same size
        TestPki.Ca edCa = TestPki.rootCa("Ed CA", KeyType.ED25519);
        Credential leaf = edCa.issueServer("ed.test", KeyType.EC_P256);
        try (OcspResponder own = OcspResponder.start(edCa)) {
            own.body = OcspResponder.Body.OCSP;
            OcspSettings base = OcspTesting.settings(own.url());
            int size = responseSize(own, leaf, edCa);
            OcspResult exact = new OcspChecker(OcspTesting.withMaxResponse(base, size)).check(leaf.leaf(), edCa.certificate(), null);
            assertEquals(OcspStatus.GOOD, exact.status(), exact.detail());
            OcspResult under = new OcspChecker(OcspTesting.withMaxResponse(base, size - 1)).check(leaf.leaf(), edCa.certificate(), null);
            assertUnavailable(under, "larger than GSK_OCSP_MAX_RESPONSE_SIZE (" + (size - 1) + " bytes)");
        }
    }

    /** Finds the response size by shrinking the limit until the checker refuses (binary search). */
    private static int responseSize(OcspResponder own, Credential leaf, TestPki.Ca issuer) {
        int low = 1;
        int high = OcspSettings.DEFAULT_MAX_RESPONSE_BYTES;
        while (low < high) {
            int mid = (low + high) / 2;
            OcspResult result = new OcspChecker(OcspTesting.withMaxResponse(OcspTesting.settings(own.url()), mid))
                    .check(leaf.leaf(), issuer.certificate(), null);
            if (result.status() == OcspStatus.GOOD) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    @Test
    void refusedConnection() throws IOException {
        try (RefusedPort closed = RefusedPort.open()) {
            OcspResult result = check(OcspTesting.settings("http://127.0.0.1:" + closed.port() + "/"));
            assertUnavailable(result, "cannot connect to OCSP responder http://127.0.0.1:" + closed.port() + "/");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1:1/", "ldap://ocsp.example/", "ftp://x/", "/relative", "http:///nohost"})
    void onlyHttpUrls(String url) {
        OcspResult result = check(OcspTesting.settings(url));
        assertEquals(OcspStatus.UNAVAILABLE, result.status(), result.detail());
        assertTrue(result.detail().contains("http://") || result.detail().contains("host"), result.detail());
    }

    @Test
    void userInformationAndQueryInTheUrlNeverShow() {
        OcspResult result = check(OcspTesting.settings("http://user:s3cret@127.0.0.1:" + responder.port() + "/?token=t0ken"));
        assertEquals(OcspStatus.GOOD, result.status(), result.detail());
        assertTrue(!result.detail().contains("s3cret") && !result.detail().contains("t0ken"), result.detail());
        assertEquals("POST", responder.last().method()); // a URL with a query gets no GET form
    }

    @Test
    void unresolvableHostIsUnavailableWithinTheTimeout() {
        OcspSettings settings = OcspTesting.withTimeout(OcspTesting.settings("http://ocsp.unresolvable.invalid/"), 2);
        long start = System.nanoTime();
        OcspResult result = check(settings);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(OcspStatus.UNAVAILABLE, result.status(), result.detail());
        // no name service answers in the sandbox or says NXDOMAIN: either way the detail names the host
        assertTrue(result.detail().contains("unknown host ocsp.unresolvable.invalid")
                || result.detail().contains("within the OCSP timeout of 2 s"), result.detail());
        assertTrue(took.compareTo(CUT_SHORT) < 0, "took " + took);
    }

    @Test
    void noUrlAnywhere() {
        OcspResult result = check(OcspTesting.settings(null));
        assertUnavailable(result, "no OCSP responder");
    }

    @Test
    void aiaUrlIsUsedWithoutGskOcspUrl() {
        Credential withAia = ca.issueServerWithOcspUrl(responder.url(), "aia.test", KeyType.EC_P256);
        OcspResult result = new OcspChecker(OcspTesting.settings(null)).check(withAia.leaf(), ca.certificate(), null);
        assertEquals(OcspStatus.GOOD, result.status(), result.detail());
        assertEquals(1, responder.requests());
    }

    @Test
    void gskOcspUrlWinsOverAia() {
        try (OcspResponder named = OcspResponder.start(ca)) {
            Credential withAia = ca.issueServerWithOcspUrl(responder.url(), "aia.test", KeyType.EC_P256);
            OcspResult result = new OcspChecker(OcspTesting.settings(named.url())).check(withAia.leaf(), ca.certificate(), null);
            assertEquals(OcspStatus.GOOD, result.status(), result.detail());
            assertEquals(1, named.requests());
            assertEquals(0, responder.requests());
        }
    }

    @Test
    void timeoutStopsASilentResponder() {
        responder.delay = Duration.ofSeconds(10);
        OcspSettings settings = OcspTesting.withTimeout(OcspTesting.settings(responder.url()), 1);
        long start = System.nanoTime();
        OcspResult result = check(settings);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertUnavailable(result, "within the OCSP timeout of 1 s");
        assertTrue(took.compareTo(CUT_SHORT) < 0, "took " + took);
        assertTrue(took.compareTo(Duration.ofMillis(900)) > 0, "gave up early: " + took);
    }

    @Test
    void timeoutStopsATricklingResponder() throws Exception {
        try (TricklingPeer peer = new TricklingPeer()) {
            OcspSettings settings = OcspTesting.withTimeout(OcspTesting.settings(peer.url()), 1);
            long start = System.nanoTime();
            OcspResult result = check(settings);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertUnavailable(result, "within the OCSP timeout of 1 s");
            assertTrue(took.compareTo(CUT_SHORT) < 0, "took " + took);
            assertTrue(peer.allDroppedWithin(Duration.ofSeconds(5)), "the connection stayed open");
        }
    }

    @Test
    void timeoutStopsATricklingBodyAndDropsTheConnection() throws Exception {
        try (TricklingPeer peer = new TricklingPeer(true)) {
            OcspSettings settings = OcspTesting.withTimeout(OcspTesting.settings(peer.url()), 1);
            long start = System.nanoTime();
            OcspResult result = check(settings);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertUnavailable(result, "within the OCSP timeout of 1 s");
            assertTrue(took.compareTo(CUT_SHORT) < 0, "took " + took);
            // the abandoned exchange does not go on reading in the background
            assertTrue(peer.allDroppedWithin(Duration.ofSeconds(5)), "the connection stayed open");
        }
    }

    @Test
    void zeroTimeoutWaitsAsLongAsNeeded() {
        responder.delay = Duration.ofMillis(1500);
        OcspSettings settings = OcspTesting.withTimeout(OcspTesting.settings(responder.url()), 0);
        OcspResult result = check(settings);
        assertEquals(OcspStatus.GOOD, result.status(), result.detail());
    }

    @Test
    void deadlineTighterThanTimeout() {
        responder.delay = Duration.ofSeconds(10);
        OcspSettings settings = OcspTesting.withTimeout(OcspTesting.settings(responder.url()), 30);
        long start = System.nanoTime();
        OcspResult result = new OcspChecker(settings).check(server.leaf(), ca.certificate(), Instant.now().plusSeconds(1));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertUnavailable(result, "the caller's deadline");
        assertTrue(took.compareTo(CUT_SHORT) < 0, "took " + took);
    }

    @Test
    void deadlineAppliesWithoutOwnTimeout() {
        responder.delay = Duration.ofSeconds(10);
        OcspSettings settings = OcspTesting.withTimeout(OcspTesting.settings(responder.url()), 0);
        long start = System.nanoTime();
        OcspResult result = new OcspChecker(settings).check(server.leaf(), ca.certificate(), Instant.now().plusSeconds(1));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertUnavailable(result, "the caller's deadline");
        assertTrue(took.compareTo(CUT_SHORT) < 0, "took " + took);
    }

    @Test
    void timeoutTighterThanDeadline() {
        responder.delay = Duration.ofSeconds(10);
        OcspSettings settings = OcspTesting.withTimeout(OcspTesting.settings(responder.url()), 1);
        OcspResult result = new OcspChecker(settings).check(server.leaf(), ca.certificate(), Instant.now().plusSeconds(30));
        assertUnavailable(result, "the OCSP timeout of 1 s");
    }

    @Test
    void passedDeadlineSendsNothing() {
        OcspResult result = new OcspChecker(OcspTesting.settings(responder.url()))
                .check(server.leaf(), ca.certificate(), Instant.now().minusSeconds(1));
        assertUnavailable(result, "deadline passed");
        assertEquals(0, responder.requests());
    }

    @Test
    void generousDeadlineLetsTheAnswerThrough() {
        responder.delay = Duration.ofMillis(300);
        OcspResult result = new OcspChecker(OcspTesting.settings(responder.url()))
                .check(server.leaf(), ca.certificate(), Instant.now().plusSeconds(20));
        assertEquals(OcspStatus.GOOD, result.status(), result.detail());
    }

    @Test
    void proxyGetsTheAbsoluteUriForPost() throws IOException {
        try (ForwardingProxy proxy = new ForwardingProxy(responder.port())) {
            // the responder's name does not resolve: only the proxy may look at it
            OcspSettings settings = OcspTesting.withProxy(
                    OcspTesting.settings("http://ocsp.unresolvable.invalid:8080/status"), "127.0.0.1", proxy.port());
            OcspResult result = check(settings);
            assertEquals(OcspStatus.GOOD, result.status(), result.detail());
            assertEquals(List.of("POST http://ocsp.unresolvable.invalid:8080/status HTTP/1.1"), proxy.requestLines());
            assertEquals("/status", responder.last().path());
        }
    }

    @Test
    void proxyGetsTheAbsoluteUriForGet() throws IOException {
        try (ForwardingProxy proxy = new ForwardingProxy(responder.port())) {
            OcspSettings settings = OcspTesting.withProxy(OcspTesting.withGet(
                    OcspTesting.settings("http://ocsp.unresolvable.invalid/"), true), "localhost", proxy.port());
            OcspResult result = check(settings);
            assertEquals(OcspStatus.GOOD, result.status(), result.detail());
            String line = proxy.requestLines().get(0);
            assertTrue(line.startsWith("GET http://ocsp.unresolvable.invalid/M"), line); // base64 of a DER SEQUENCE starts "M"
            assertTrue(line.endsWith(" HTTP/1.1"), line);
            assertEquals("GET", responder.last().method());
        }
    }

    @Test
    void unreachableProxy() throws IOException {
        try (RefusedPort closed = RefusedPort.open()) {
            OcspSettings settings = OcspTesting.withProxy(OcspTesting.settings(responder.url()), "127.0.0.1", closed.port());
            assertUnavailable(check(settings), "cannot connect to OCSP proxy 127.0.0.1:" + closed.port());
            assertEquals(0, responder.requests());
        }
    }

    @Test
    void concurrentChecksShareOneChecker() throws Exception {
        OcspChecker checker = new OcspChecker(OcspTesting.settings(responder.url()));
        List<Credential> leaves = List.of(
                ca.issueServer("a.test", KeyType.EC_P256), ca.issueServer("b.test", KeyType.EC_P256),
                ca.issueServer("c.test", KeyType.EC_P256), ca.issueServer("d.test", KeyType.EC_P256));
        List<Thread> threads = new java.util.ArrayList<>();
        List<OcspResult> results = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int i = 0; i < 16; i++) {
            Credential leaf = leaves.get(i % leaves.size());
            Thread thread = new Thread(() -> results.add(checker.check(leaf.leaf(), ca.certificate(), null)));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        assertEquals(16, results.size());
        results.forEach(r -> assertEquals(OcspStatus.GOOD, r.status(), r.detail()));
    }
}
