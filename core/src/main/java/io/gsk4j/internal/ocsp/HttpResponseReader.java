package io.gsk4j.internal.ocsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the responder's HTTP answer and returns the OCSP body: status 200 only (redirects are not
 * followed), a lenient Content-Type check, and a hard cap on the body so an oversized answer is
 * detected after reading at most one byte more than allowed.
 */
final class HttpResponseReader {
    private static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final int MAX_CHUNK_LINE = 1024;

    /** Content types an OCSP answer may come as (an empty or absent type is accepted too). */
    static final Set<String> OCSP_TYPES = Set.of("application/ocsp-response", "application/octet-stream");

    private final InputStream in;
    private final int maxBody;
    private final Set<String> types;
    private int headBytes;

    private HttpResponseReader(InputStream in, int maxBody, Set<String> types) {
        this.in = in;
        this.maxBody = maxBody;
        this.types = types;
    }

    static byte[] readBody(InputStream in, int maxBody) throws IOException, OcspFailure {
        return readBody(in, maxBody, OCSP_TYPES);
    }

    /** The same for another kind of body (a CRL), accepting the given content types. */
    static byte[] readBody(InputStream in, int maxBody, Set<String> types) throws IOException, OcspFailure {
        return new HttpResponseReader(in, maxBody, types).read();
    }

    private byte[] read() throws IOException, OcspFailure {
        String statusLine = headLine();
        if (statusLine == null) {
            throw new OcspFailure("responder closed the connection without an answer");
        }
        int status = statusCode(statusLine);
        Map<String, String> headers = headers();
        if (status != 200) {
            throw new OcspFailure(status >= 300 && status < 400
                    ? "responder answered with HTTP redirect " + status + " (redirects are not followed)"
                    : "responder answered with HTTP status " + status);
        }
        checkContentType(headers.get("content-type"), types);
        String coding = headers.get("content-encoding");
        if (coding != null && !coding.equalsIgnoreCase("identity")) {
            throw new OcspFailure("responder sent an encoded body (" + coding + ")");
        }
        String transfer = headers.get("transfer-encoding");
        if (transfer != null) {
            if (!transfer.equalsIgnoreCase("chunked")) {
                throw new OcspFailure("responder used an unsupported transfer encoding (" + transfer + ")");
            }
            return chunkedBody();
        }
        String length = headers.get("content-length");
        if (length != null) {
            return sizedBody(length);
        }
        return bodyUntilClose();
    }

    private static int statusCode(String line) throws OcspFailure {
        // "HTTP/1.x 200 reason"; the reason phrase may be empty or absent
        if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
            throw new OcspFailure("responder did not answer with HTTP");
        }
        String code = line.substring(9, 12);
        if (!code.chars().allMatch(Character::isDigit) || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw new OcspFailure("responder sent a malformed HTTP status line");
        }
        return Integer.parseInt(code);
    }

    private Map<String, String> headers() throws IOException, OcspFailure {
        Map<String, String> headers = new HashMap<>();
        for (String line = headLine(); ; line = headLine()) {
            if (line == null) {
                throw new OcspFailure("responder's HTTP header was cut short");
            }
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new OcspFailure("responder sent a malformed HTTP header line");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            String earlier = headers.putIfAbsent(name, value);
            if (earlier != null && name.equals("content-length") && !earlier.equals(value)) {
                throw new OcspFailure("responder sent conflicting Content-Length headers");
            }
        }
    }

    /** Accepts application/ocsp-response (any case, any parameters), octet-stream, or no type at all. */
    private static void checkContentType(String type, Set<String> types) throws OcspFailure {
        if (type == null) {
            return;
        }
        String bare = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!types.contains(bare) && !bare.isEmpty()) {
            throw new OcspFailure("responder sent Content-Type " + bare + ", not " + types.iterator().next());
        }
    }

    private byte[] sizedBody(String header) throws IOException, OcspFailure {
        long length;
        try {
            length = Long.parseLong(header);
        } catch (NumberFormatException e) {
            throw new OcspFailure("responder sent a malformed Content-Length");
        }
        if (length < 0) {
            throw new OcspFailure("responder sent a malformed Content-Length");
        }
        if (length > maxBody) {
            throw tooLarge();
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new OcspFailure("responder closed the connection before the whole response arrived");
        }
        return body;
    }

    private byte[] bodyUntilClose() throws IOException, OcspFailure {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBody + 1L)); // one byte more reveals oversize
        if (body.length > maxBody) {
            throw tooLarge();
        }
        return body;
    }

    private byte[] chunkedBody() throws IOException, OcspFailure {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String line = line(MAX_CHUNK_LINE);
            if (line == null) {
                throw new OcspFailure("responder's chunked body was cut short");
            }
            int size;
            try {
                size = Integer.parseInt(line.split(";", 2)[0].trim(), 16);
            } catch (NumberFormatException e) {
                throw new OcspFailure("responder sent a malformed chunk size");
            }
            if (size < 0) {
                throw new OcspFailure("responder sent a malformed chunk size");
            }
            if (size == 0) {
                return body.toByteArray(); // trailers, if any, are of no interest
            }
            if ((long) body.size() + size > maxBody) {
                throw tooLarge();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size || !"".equals(line(2))) {
                throw new OcspFailure("responder's chunked body was cut short");
            }
            body.writeBytes(chunk);
        }
    }

    private OcspFailure tooLarge() {
        return new OcspFailure("response larger than GSK_OCSP_MAX_RESPONSE_SIZE (" + maxBody + " bytes) discarded");
    }

    private String headLine() throws IOException, OcspFailure {
        String line = line(MAX_HEAD_BYTES - headBytes);
        if (line != null) {
            headBytes += line.length() + 2;
        }
        return line;
    }

    /** One CRLF- (or LF-) terminated line of at most {@code limit} bytes; null at end of stream before any byte. */
    private String line(int limit) throws IOException, OcspFailure {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b == -1) {
                if (bytes.size() == 0) {
                    return null;
                }
                throw new OcspFailure("responder's HTTP answer was cut short");
            }
            if (b == '\n') {
                break;
            }
            if (bytes.size() >= limit) {
                throw new OcspFailure("responder's HTTP header is too long");
            }
            bytes.write(b);
        }
        byte[] raw = bytes.toByteArray();
        int end = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
    }
}
