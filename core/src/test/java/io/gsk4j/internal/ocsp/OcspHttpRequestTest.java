package io.gsk4j.internal.ocsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The method, URL and encoding of the request, without a network. */
class OcspHttpRequestTest {

    /** Bytes whose base64 form contains '+', '/' and '=' so URL encoding must escape all three. */
    private static final byte[] AWKWARD = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, 0x3e};

    @Test
    void getEncodesBase64ThenUrlEncodes() throws OcspFailure {
        ResponderAddress responder = ResponderAddress.parse("http://ocsp.test/base");
        OcspHttpRequest request = OcspHttpRequest.plan(responder, AWKWARD, true);
        assertEquals("GET", request.method());
        String b64 = Base64.getEncoder().encodeToString(AWKWARD);
        assertTrue(b64.contains("+") && b64.contains("/") && b64.contains("="), b64);
        String segment = request.url().substring("http://ocsp.test/base/".length());
        assertTrue(!segment.contains("+") && !segment.contains("/") && !segment.contains("="), segment);
        assertArrayEquals(AWKWARD, Base64.getDecoder().decode(URLDecoder.decode(segment, StandardCharsets.US_ASCII)));
        assertNull(request.body());
    }

    @Test
    void postCarriesTheDerBodyToTheUrlWithoutItsUserInformation() throws OcspFailure {
        OcspHttpRequest request = OcspHttpRequest.plan(ResponderAddress.parse("http://u:pw@ocsp.test:8080/x?y=1"), AWKWARD, false);
        assertEquals("POST", request.method());
        assertEquals("http://ocsp.test:8080/x?y=1", request.url());
        assertArrayEquals(AWKWARD, request.body());
        java.net.http.HttpRequest sent = request.toHttpRequest(TimeBudget.start(3, null, java.time.Clock.systemUTC()));
        assertEquals(java.net.URI.create("http://ocsp.test:8080/x?y=1"), sent.uri());
        assertEquals("application/ocsp-request", sent.headers().firstValue("Content-Type").orElse(null));
        assertEquals(4, sent.bodyPublisher().orElseThrow().contentLength());
        assertTrue(sent.timeout().orElseThrow().compareTo(java.time.Duration.ofSeconds(3)) <= 0);
    }

    @Test
    void queryInTheUrlForcesPost() throws OcspFailure {
        OcspHttpRequest request = OcspHttpRequest.plan(ResponderAddress.parse("http://ocsp.test/x?y=1"), AWKWARD, true);
        assertEquals("POST", request.method());
    }

    @Test
    void limitCountsTheWholeUrl() throws OcspFailure {
        String base = "http://ocsp.test/";
        // pad the path so the whole GET URL is exactly 255 characters, then 256
        int encoded = java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(AWKWARD), StandardCharsets.US_ASCII).length();
        String path255 = "a".repeat(OcspHttpRequest.MAX_GET_URL_LENGTH - base.length() - encoded - 1);
        OcspHttpRequest atLimit = OcspHttpRequest.plan(ResponderAddress.parse(base + path255), AWKWARD, true);
        assertEquals("GET", atLimit.method(), atLimit.url());
        assertEquals(255, atLimit.url().length());
        OcspHttpRequest over = OcspHttpRequest.plan(ResponderAddress.parse(base + path255 + "a"), AWKWARD, true);
        assertEquals("POST", over.method());
    }

    @Test
    void ipv6HostKeepsBracketsInTheUrlOnly() throws OcspFailure {
        ResponderAddress responder = ResponderAddress.parse("http://[::1]:8080/");
        assertEquals("::1", responder.host());
        assertEquals("[::1]:8080", responder.hostHeader());
        assertEquals("http://[::1]:8080/", responder.toString());
    }
}
