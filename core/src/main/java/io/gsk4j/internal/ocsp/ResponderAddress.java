package io.gsk4j.internal.ocsp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An http:// responder URL taken apart: the GET form appends a path segment, and the URL sent
 * is rebuilt from scheme, host, port, path and query. User information in
 * the URL is never sent and never shown, so a detail string cannot leak it.
 */
final class ResponderAddress {
    private static final int HTTP_PORT = 80;

    private final String host;      // as in the URL; IPv6 literals keep their brackets
    private final int port;
    private final String rawPath;   // never empty
    private final String rawQuery;  // null when absent

    private ResponderAddress(String host, int port, String rawPath, String rawQuery) {
        this.host = host;
        this.port = port;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
    }

    static ResponderAddress parse(String url) throws OcspFailure {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new OcspFailure("malformed OCSP responder URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !scheme.toLowerCase(Locale.ROOT).equals("http")) {
            throw new OcspFailure("OCSP responder URL must be http:// (IBM i supports no other scheme), not "
                    + (scheme == null ? "a relative URL" : scheme + "://"));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new OcspFailure("OCSP responder URL names no host");
        }
        int port = uri.getPort() == -1 ? HTTP_PORT : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new OcspFailure("OCSP responder URL has an invalid port");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new ResponderAddress(uri.getHost(), port, path, uri.getRawQuery());
    }

    /** Host name or address (IPv6 without brackets), for details. */
    String host() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    int port() {
        return port;
    }

    /** Host and port as a URL names them: the port only when it is not 80. */
    String hostHeader() {
        return port == HTTP_PORT ? host : host + ":" + port;
    }

    /** Request target for POST: the URL's path and query (origin form). */
    String postTarget() {
        return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }

    /** Request target for GET: the encoded request appended as one more path segment; null when the URL has a query. */
    String getTarget(String encodedRequest) {
        if (rawQuery != null) {
            return null;
        }
        return (rawPath.endsWith("/") ? rawPath : rawPath + "/") + encodedRequest;
    }

    /** The absolute URL of an origin-form target, as it is sent and as RFC 5019 counts its length. */
    String absolute(String originTarget) {
        return "http://" + hostHeader() + originTarget;
    }

    /** For details: scheme, host, port and path; a query could carry a token, so it is elided. */
    @Override
    public String toString() {
        return absolute(rawQuery == null ? rawPath : rawPath + "?...");
    }
}
