package io.gsk4j.internal.validation;

import java.util.Locale;

/**
 * DNS name syntax (RFC 1034 §3.5 preferred syntax as relaxed by RFC 1123 §2.1) and the two
 * comparisons name constraints need. Callers compare lower-cased ASCII: DNS is case-insensitive
 * and certificates hold A-labels only.
 */
final class DnsNames {
    private static final int MAX_NAME = 253;
    private static final int MAX_LABEL = 63;

    private DnsNames() {
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** A host name: labels of letters, digits and inner hyphens (underscores when allowed). */
    static boolean valid(String name, boolean underscore) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            return false;
        }
        int start = 0;
        while (true) {
            int dot = name.indexOf('.', start);
            int end = dot < 0 ? name.length() : dot;
            if (!label(name, start, end, underscore)) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
            start = dot + 1;
        }
    }

    /** A dNSName in a certificate: a host name, or in a leaf "*." and a host name of two labels or more. */
    static boolean validPresented(String name, boolean wildcardAllowed, boolean underscore) {
        if (wildcardAllowed && name.startsWith("*.")) {
            String rest = name.substring(2);
            return valid(rest, underscore) && rest.indexOf('.') > 0;
        }
        return valid(name, underscore);
    }

    /** A dNSName constraint: empty (every name) or a host name; no wildcards, no leading or trailing dot. */
    static boolean validConstraint(String constraint, boolean underscore) {
        return constraint.isEmpty() || valid(constraint, underscore);
    }

    private static boolean label(String s, int from, int to, boolean underscore) {
        int len = to - from;
        if (len < 1 || len > MAX_LABEL || s.charAt(from) == '-' || s.charAt(to - 1) == '-') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || (underscore && c == '_');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** name lies in the subtree rooted at constraint (both lower-case, no wildcard). */
    static boolean inSubtree(String name, String constraint) {
        if (constraint.isEmpty()) {
            return true;
        }
        return name.equals(constraint) || name.endsWith("." + constraint);
    }

    /** Every name the (possibly wildcard) presented name stands for lies in the subtree. */
    static boolean whollyInSubtree(String presented, String constraint) {
        return inSubtree(presented.startsWith("*.") ? presented.substring(2) : presented, constraint);
    }

    /** Some name the (possibly wildcard) presented name stands for lies in the subtree. */
    static boolean touchesSubtree(String presented, String constraint) {
        if (!presented.startsWith("*.")) {
            return inSubtree(presented, constraint);
        }
        String base = presented.substring(2);
        if (inSubtree(base, constraint)) {
            return true;
        }
        // "*.example.com" also stands for "foo.example.com" when that is the constraint
        int dot = constraint.indexOf('.');
        return dot > 0 && constraint.substring(dot + 1).equals(base);
    }
}
