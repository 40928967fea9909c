package io.gsk4j.internal.validation;

/**
 * IP literals and ranges. Literals are read strictly: dotted-quad IPv4 with decimal octets and
 * no leading zeros, IPv6 per RFC 4291 §2.2 (optionally bracketed, no zone); never the
 * inet_aton forms ("127.1", "0x7f.0.0.1", "017.0.0.1", "2130706433").
 */
final class IpAddresses {
    private IpAddresses() {
    }

    /** The address, or null when the text is not a strict literal. */
    static byte[] parse(String text) {
        if (text.startsWith("[") && text.endsWith("]")) {
            return parseV6(text.substring(1, text.length() - 1));
        }
        return text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
    }

    /** Text a resolver or browser would take for an address: it must then be a strict literal. */
    static boolean looksLikeAddress(String text) {
        if (text.indexOf(':') >= 0 || text.startsWith("[")) {
            return true;
        }
        String last = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        last = last.substring(last.lastIndexOf('.') + 1);
        if (last.isEmpty()) {
            return false;
        }
        if (last.startsWith("0x") || last.startsWith("0X")) {
            return true;
        }
        for (int i = 0; i < last.length(); i++) {
            if (!Character.isDigit(last.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static byte[] parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            int v = 0;
            for (int k = 0; k < p.length(); k++) {
                char c = p.charAt(k);
                if (c < '0' || c > '9') {
                    return null;
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    static byte[] parseV6(String s) {
        if (s.isEmpty() || s.indexOf('%') >= 0) {
            return null;
        }
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        byte[] out = new byte[16];
        if (gap < 0) {
            return groups(s, out, 16, true) == 16 ? out : null;
        }
        byte[] head = new byte[16];
        byte[] tail = new byte[16];
        String left = s.substring(0, gap);
        String right = s.substring(gap + 2);
        int h = left.isEmpty() ? 0 : groups(left, head, 14, false);
        int t = right.isEmpty() ? 0 : groups(right, tail, 14, true);
        if (h < 0 || t < 0 || h + t > 14) {
            return null;
        }
        System.arraycopy(head, 0, out, 0, h);
        System.arraycopy(tail, 0, out, 16 - t, t);
        return out;
    }

    /** Parses colon-separated groups (an IPv4 tail allowed last) into out; the byte count, or -1. */
    private static int groups(String s, byte[] out, int maxBytes, boolean v4Tail) {
        String[] parts = s.split(":", -1);
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (v4Tail && i == parts.length - 1 && p.indexOf('.') >= 0) {
                byte[] v4 = parseV4(p);
                if (v4 == null || n + 4 > maxBytes) {
                    return -1;
                }
                System.arraycopy(v4, 0, out, n, 4);
                return n + 4;
            }
            if (p.isEmpty() || p.length() > 4 || n + 2 > maxBytes) {
                return -1;
            }
            int v = 0;
            for (int k = 0; k < p.length(); k++) {
                int d = Character.digit(p.charAt(k), 16);
                if (d < 0) {
                    return -1;
                }
                v = (v << 4) | d;
            }
            out[n++] = (byte) (v >> 8);
            out[n++] = (byte) v;
        }
        return n;
    }

    /** An iPAddress constraint: address and mask of 4+4 or 16+16 octets, the mask a contiguous prefix. */
    static boolean validRange(byte[] range) {
        if (range.length != 8 && range.length != 32) {
            return false;
        }
        int half = range.length / 2;
        boolean zeros = false;
        for (int i = half; i < range.length; i++) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean set = (range[i] & (1 << bit)) != 0;
                if (set && zeros) {
                    return false;
                }
                zeros |= !set;
            }
        }
        return true;
    }

    /** The address is inside the range (different families never match). */
    static boolean inRange(byte[] address, byte[] range) {
        if (range.length != address.length * 2) {
            return false;
        }
        int half = address.length;
        for (int i = 0; i < half; i++) {
            byte mask = range[half + i];
            if ((address[i] & mask) != (range[i] & mask)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The one text form the Baseline Requirements allow in a CN (BR 7.1.4.3): dotted decimal for
     * IPv4, RFC 5952 §4 for IPv6 (lower case, no leading zeros, the longest run of two or more zero
     * groups, the first of equal runs, as "::").
     */
    static String canonicalText(byte[] a) {
        if (a.length == 4) {
            return text(a);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((a[2 * i] & 0xFF) << 8) | (a[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(g[i]));
        }
        return s.toString();
    }

    static String text(byte[] a) {
        StringBuilder s = new StringBuilder();
        if (a.length == 4) {
            for (int i = 0; i < 4; i++) {
                s.append(i == 0 ? "" : ".").append(a[i] & 0xFF);
            }
            return s.toString();
        }
        for (int i = 0; i < a.length; i += 2) {
            s.append(i == 0 ? "" : ":").append(Integer.toHexString(((a[i] & 0xFF) << 8) | (a[i + 1] & 0xFF)));
        }
        return s.toString();
    }
}
