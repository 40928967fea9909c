package io.gsk4j.internal.ocsp;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The HTTP/1.0 request carrying one OCSP request: GET with the request in the URL (RFC 6960
 * appendix A.1: base64, then URL-encoded) when asked for and short enough, otherwise POST.
 */
record OcspHttpRequest(String method, String target, byte[] body, String hostHeader, String accept) {
    private static final String OCSP_RESPONSE = "application/ocsp-response";

    /** RFC 5019 section 5: GET for requests of at most 255 bytes, counting scheme, host and path. */
    static final int MAX_GET_URL_LENGTH = 255;

    static OcspHttpRequest plan(ResponderAddress responder, byte[] der, boolean viaGet, boolean proxied) {
        if (viaGet) {
            String encoded = URLEncoder.encode(Base64.getEncoder().encodeToString(der), StandardCharsets.US_ASCII);
            String target = responder.getTarget(encoded);
            if (target != null && responder.absolute(target).length() <= MAX_GET_URL_LENGTH) {
                return new OcspHttpRequest("GET", proxied ? responder.absolute(target) : target, null,
                        responder.hostHeader(), OCSP_RESPONSE);
            }
        }
        String target = responder.postTarget();
        return new OcspHttpRequest("POST", proxied ? responder.absolute(target) : target, der, responder.hostHeader(), OCSP_RESPONSE);
    }

    /** A plain GET of the URL itself (a CRL distribution point), asking for {@code accept}. */
    static OcspHttpRequest get(ResponderAddress url, String accept, boolean proxied) {
        String target = url.postTarget();
        return new OcspHttpRequest("GET", proxied ? url.absolute(target) : target, null, url.hostHeader(), accept);
    }

    /** The bytes on the wire. HTTP/1.0 with Connection: close keeps the answer unchunked and the exchange one-shot. */
    byte[] encode() {
        StringBuilder head = new StringBuilder(256)
                .append(method).append(' ').append(target).append(" HTTP/1.0\r\n")
                .append("Host: ").append(hostHeader).append("\r\n")
                .append("Accept: ").append(accept).append("\r\n")
                .append("Connection: close\r\n");
        if (body != null) {
            head.append("Content-Type: application/ocsp-request\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + (body == null ? 0 : body.length));
        out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }
}
