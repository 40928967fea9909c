package io.gsk4j.internal.validation;

import java.net.IDN;

/**
 * Host-name matching for the expected host (RFC 6125 §6.4): exact, case-insensitive comparison
 * of DNS names; a wildcard only as the whole left-most label, standing for exactly one label,
 * and never directly over a public suffix; no partial wildcards ("f*.example.com").
 */
final class HostNames {
    private HostNames() {
    }

    /** The reference DNS name in lower-case A-labels without a trailing dot, or null if it is no valid DNS name. */
    static String referenceDns(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        try {
            h = IDN.toASCII(h); // U-labels to A-labels; the LDH check follows
        } catch (IllegalArgumentException e) {
            return null;
        }
        h = DnsNames.lower(h);
        return DnsNames.valid(h, true) ? h : null;
    }

    /** A presented dNSName (any case) names the reference (lower-case). */
    static boolean matches(String presented, String reference) {
        String p = DnsNames.lower(presented);
        if (!p.startsWith("*.")) {
            return p.indexOf('*') < 0 && p.equals(reference);
        }
        String base = p.substring(2);
        if (base.indexOf('*') >= 0 || PublicSuffixes.isPublicSuffix(base)) {
            return false;
        }
        int dot = reference.indexOf('.');
        return dot > 0 && reference.substring(dot + 1).equals(base);
    }
}
