package io.gsk4j.cli;

import java.util.regex.Pattern;

/** A HOST:PORT argument; IPv6 literals go in brackets, as in URLs: [::1]:4433. */
record HostPort(String host, int port) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** Parses the argument; the message of the exception is the one-line usage error. */
    static HostPort parse(String text) {
        String t = text.trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT, e.g. example.com:443, got '" + text + "'");
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("put an IPv6 address in brackets: [" + host + "]:" + t.substring(colon + 1));
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port in '" + text + "' is not a number");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the port must be 1 to 65535, got " + port);
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("the host in '" + text + "' is empty");
        }
        return new HostPort(host, port);
    }

    /** An IP address rather than a name: it is never sent as SNI (RFC 6066). */
    boolean isIpLiteral() {
        return IPV4.matcher(host).matches() || host.contains(":");
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
