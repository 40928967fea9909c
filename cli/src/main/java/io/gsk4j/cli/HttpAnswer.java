package io.gsk4j.cli;

/** The {@code server --mode http} answer: a plain-text page saying what the session negotiated. */
final class HttpAnswer {
    private HttpAnswer() {
    }

    /**
     * Whether a request's headers are complete: an empty line ends them. HTTP/1.1 ends lines
     * with CRLF; HTTP/1.0 clients and test tools often send bare LFs, which RFC 9112 lets a
     * server accept.
     */
    static boolean headersComplete(String request) {
        return request.contains("\r\n\r\n") || request.contains("\n\n") || request.contains("\n\r\n");
    }

    static String head(int bodyLength) {
        return "HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + bodyLength + "\r\n"
                + "Connection: close\r\n"
                + "\r\n";
    }

    static String body(Negotiated n, String requestLine) {
        StringBuilder b = new StringBuilder();
        b.append("gsk4j server: a GSKit server session answered this request\n");
        b.append("request:      ").append(requestLine).append('\n');
        b.append("protocol:     ").append(n.protocol()).append('\n');
        b.append("cipher spec:  ").append(n.cipherSpec()).append('\n');
        if (n.serverName() != null) {
            b.append("server name:  ").append(n.serverName()).append('\n');
        }
        b.append("client cert:  ").append(n.partnerChain().isEmpty() ? "none" : n.partnerChain().get(0).subject()).append('\n');
        return b.toString();
    }
}
