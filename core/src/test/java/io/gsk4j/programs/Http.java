package io.gsk4j.programs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP the replayed clients speak: one GET, and a response with a known body. */
final class Http {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)\r\n");

    private Http() {
    }

    static byte[] get(String path, String agent) {
        return ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUser-Agent: " + agent + "\r\nAccept: */*\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Printable bytes, the same for the same seed, so a missing or doubled byte shows. */
    static byte[] body(int length, long seed) {
        Random r = new Random(seed);
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i % 64 == 63 ? '\n' : 'a' + r.nextInt(26));
        }
        return b;
    }

    /** A keep-alive response: the client knows the end only from Content-Length. */
    static byte[] keepAliveResponse(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                + "\r\nConnection: keep-alive\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Index just past the blank line ending the headers, or -1 while they are incomplete. */
    static int headerEnd(byte[] received) {
        for (int i = 3; i < received.length; i++) {
            if (received[i - 3] == '\r' && received[i - 2] == '\n' && received[i - 1] == '\r' && received[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    /** The Content-Length header's value, or -1 without one. */
    static int contentLength(byte[] received, int headerEnd) {
        Matcher m = CONTENT_LENGTH.matcher(new String(received, 0, headerEnd, StandardCharsets.ISO_8859_1));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Whether a keep-alive response is complete: headers and Content-Length bytes of body. */
    static boolean complete(byte[] received) {
        int end = headerEnd(received);
        if (end < 0) {
            return false;
        }
        int length = contentLength(received, end);
        return length >= 0 && received.length >= end + length;
    }

    static byte[] bodyOf(byte[] received) {
        int end = headerEnd(received);
        return java.util.Arrays.copyOfRange(received, end, received.length);
    }
}
