package io.gsk4j.cli;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A HOST:PORT argument; IPv6 literals go in brackets, as in URLs: [::1]:4433. A URL is taken
 * too, as people paste it ({@code https://host:8443/path}): its host and port, the port
 * defaulting to the scheme's.
 */
record HostPort(String host, int port) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern URL = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://(?:[^@/?#]*@)?([^/?#]*)(?:[/?#].*)?$");
    /** The TLS ports of the schemes people paste. */
    private static final Map<String, Integer> SCHEME_PORTS = Map.of("https", 443, "wss", 443, "ldaps", 636,
            "imaps", 993, "pop3s", 995, "smtps", 465, "ftps", 990, "telnets", 992);

    /** Parses the argument; the message of the exception is the one-line usage error. */
    static HostPort parse(String text) {
        Matcher url = URL.matcher(text.trim());
        if (url.matches()) {
            return fromUrl(text, url.group(1).toLowerCase(Locale.ROOT), url.group(2));
        }
        return parseHostPort(text);
    }

    private static HostPort fromUrl(String text, String scheme, String authority) {
        boolean hasPort = authority.startsWith("[") ? authority.contains("]:") : authority.contains(":");
        if (hasPort) {
            return parseHostPort(authority);
        }
        Integer port = SCHEME_PORTS.get(scheme);
        if (port == null) {
            throw new IllegalArgumentException("'" + text + "' has no port, and " + scheme + ":// has no TLS port gsk4j knows:"
                    + " give one, e.g. " + scheme + "://" + authority + ":443");
        }
        return parseHostPort(authority + ":" + port);
    }

    private static HostPort parseHostPort(String text) {
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
