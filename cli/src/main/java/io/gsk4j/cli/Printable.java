package io.gsk4j.cli;

import java.nio.charset.StandardCharsets;

/** Bytes from the network shown safely: UTF-8 text with control characters escaped, cut at a limit. */
final class Printable {
    private Printable() {
    }

    static String quote(byte[] data, int length, int maxChars) {
        String text = new String(data, 0, length, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < text.length() && shown < maxChars; i++, shown++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7F || c == 0xFFFD) {
                        out.append(String.format("\\x%02x", c & 0xFF));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        if (shown < text.length()) {
            out.append(" ... (").append(text.length() - shown).append(" more characters)");
        }
        return out.toString();
    }

    /**
     * Text for people: lines kept (a CR before LF dropped), other control characters escaped,
     * cut at {@code maxChars}.
     */
    static String text(byte[] data, int length, int maxChars) {
        String text = new String(data, 0, length, StandardCharsets.UTF_8).replace("\r\n", "\n");
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < text.length() && i < maxChars; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append(c);
            } else if (c == '\t') {
                out.append("    ");
            } else if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (i < text.length()) {
            out.append("\n... (").append(text.length() - i).append(" more characters)");
        }
        return out.toString();
    }

    /** Turns \n, \r, \t and \\ typed on a command line into the characters they stand for. */
    static String unescape(String typed) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == '\\' && i + 1 < typed.length()) {
                char n = typed.charAt(++i);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case '\\' -> out.append('\\');
                    default -> out.append('\\').append(n);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
