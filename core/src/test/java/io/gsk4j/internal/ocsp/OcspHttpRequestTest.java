package io.gsk4j.internal.ocsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The request line and URL encoding, without a network. */
class OcspHttpRequestTest {

    /** Bytes whose base64 form contains '+', '/' and '=' so URL encoding must escape all three. */
    private static final byte[] AWKWARD = {(byte) 0xfb, (byte) 0xff, (byte) 0xbf, 0x3e};

    @Test
    void getEncodesBase64ThenUrlEncodes() throws OcspFailure {
        ResponderAddress responder = ResponderAddress.parse("http://ocsp.test/base");
        OcspHttpRequest request = OcspHttpRequest.plan(responder, AWKWARD, true, false);
        assertEquals("GET", request.method());
        String b64 = Base64.getEncoder().encodeToString(AWKWARD);
        assertTrue(b64.contains("+") && b64.contains("/") && b64.contains("="), b64);
        String segment = request.target().substring("/base/".length());
        assertTrue(!segment.contains("+") && !segment.contains("/") && !segment.contains("="), segment);
        assertArrayEquals(AWKWARD, Base64.getDecoder().decode(URLDecoder.decode(segment, StandardCharsets.US_ASCII)));
        assertNull(request.body());
    }

    @Test
    void postCarriesTheDerBody() throws OcspFailure {
        OcspHttpRequest request = OcspHttpRequest.plan(ResponderAddress.parse("http://ocsp.test:8080/x?y=1"), AWKWARD, false, false);
        String wire = new String(request.encode(), StandardCharsets.ISO_8859_1);
        assertTrue(wire.startsWith("POST /x?y=1 HTTP/1.0\r\nHost: ocsp.test:8080\r\n"), wire);
        assertTrue(wire.contains("Content-Type: application/ocsp-request\r\nContent-Length: 4\r\n\r\n"), wire);
    }

    @Test
    void queryInTheUrlForcesPost() throws OcspFailure {
        OcspHttpRequest request = OcspHttpRequest.plan(ResponderAddress.parse("http://ocsp.test/x?y=1"), AWKWARD, true, false);
        assertEquals("POST", request.method());
    }

    @Test
    void limitCountsTheWholeUrl() throws OcspFailure {
        String base = "http://ocsp.test/";
        // pad the path so the whole GET URL is exactly 255 characters, then 256
        int encoded = java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(AWKWARD), StandardCharsets.US_ASCII).length();
        String path255 = "a".repeat(OcspHttpRequest.MAX_GET_URL_LENGTH - base.length() - encoded - 1);
        OcspHttpRequest atLimit = OcspHttpRequest.plan(ResponderAddress.parse(base + path255), AWKWARD, true, false);
        assertEquals("GET", atLimit.method(), atLimit.target());
        assertEquals(255, ResponderAddress.parse(base + path255).absolute(atLimit.target()).length());
        OcspHttpRequest over = OcspHttpRequest.plan(ResponderAddress.parse(base + path255 + "a"), AWKWARD, true, false);
        assertEquals("POST", over.method());
    }

    @Test
    void ipv6HostKeepsBracketsInHostHeaderOnly() throws OcspFailure {
        ResponderAddress responder = ResponderAddress.parse("http://[::1]:8080/");
        assertEquals("::1", responder.connectHost());
        assertEquals("[::1]:8080", responder.hostHeader());
        assertEquals("http://[::1]:8080/", responder.toString());
    }
}
