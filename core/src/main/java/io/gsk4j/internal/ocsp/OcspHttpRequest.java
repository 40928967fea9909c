package io.gsk4j.internal.ocsp;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The HTTP request carrying one OCSP request: GET with the request in the URL (RFC 6960
 * appendix A.1: base64, then URL-encoded) when asked for and short enough, otherwise POST.
 */
record OcspHttpRequest(String method, String url, byte[] body, String accept) {
    private static final String OCSP_RESPONSE = "application/ocsp-response";

    /** RFC 5019 section 5: GET for requests of at most 255 bytes, counting scheme, host and path. */
    static final int MAX_GET_URL_LENGTH = 255;

    static OcspHttpRequest plan(ResponderAddress responder, byte[] der, boolean viaGet) {
        if (viaGet) {
            String encoded = URLEncoder.encode(Base64.getEncoder().encodeToString(der), StandardCharsets.US_ASCII);
            String target = responder.getTarget(encoded);
            if (target != null && responder.absolute(target).length() <= MAX_GET_URL_LENGTH) {
                return new OcspHttpRequest("GET", responder.absolute(target), null, OCSP_RESPONSE);
            }
        }
        return new OcspHttpRequest("POST", responder.absolute(responder.postTarget()), der, OCSP_RESPONSE);
    }

    /** A plain GET of the URL itself (a CRL distribution point), asking for {@code accept}. */
    static OcspHttpRequest get(ResponderAddress url, String accept) {
        return new OcspHttpRequest("GET", url.absolute(url.postTarget()), null, accept);
    }

    /** For the JDK's client; the URL is rebuilt from its parts, so user information is never sent. */
    HttpRequest toHttpRequest(TimeBudget budget) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept);
        if (budget.limited()) {
            builder.timeout(OcspHttpClient.requestTimeout(budget));
        }
        if (body == null) {
            return builder.GET().build();
        }
        return builder.header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }
}
