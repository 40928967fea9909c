package io.gsk4j.internal.engine;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the few fields of a ClientHello or ServerHello that gsk4j checks itself
 * (RFC 5246 §7.4.1, RFC 5746 §3). A malformed hello reads as "no indication"; the JDK will
 * have refused it already with its own status.
 */
public final class Hellos {
    static final int CLIENT_HELLO = 1;
    static final int SERVER_HELLO = 2;
    private static final int RENEGOTIATION_INFO = 0xFF01;
    private static final int EMPTY_RENEGOTIATION_INFO_SCSV = 0x00FF;

    private Hellos() {
    }

    /** Whether the hello signals RFC 5746 support: the renegotiation_info extension, or the SCSV in a ClientHello. */
    public static boolean indicatesSecureRenegotiation(ByteBuffer message) {
        try {
            ByteBuffer m = message.duplicate();
            int type = m.get() & 0xFF;
            skip(m, 3 + 2 + 32); // length, version, random
            skip(m, m.get() & 0xFF); // session id
            if (type == CLIENT_HELLO) {
                if (cipherSuites(m).contains(EMPTY_RENEGOTIATION_INFO_SCSV)) {
                    return true;
                }
                skip(m, m.get() & 0xFF); // compression methods
            } else if (type == SERVER_HELLO) {
                skip(m, 2 + 1); // cipher suite, compression method
            } else {
                return false;
            }
            return extensionTypes(m).contains(RENEGOTIATION_INFO);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The cipher suites of a ClientHello, in the order the client sent them. */
    public static List<Integer> clientCipherSuites(ByteBuffer message) {
        ByteBuffer m = message.duplicate();
        if ((m.get() & 0xFF) != CLIENT_HELLO) {
            throw new IllegalArgumentException("not a ClientHello");
        }
        skip(m, 3 + 2 + 32);
        skip(m, m.get() & 0xFF);
        return cipherSuites(m);
    }

    /** The body of one extension of a ClientHello, if the client sent it. */
    public static java.util.Optional<ByteBuffer> clientExtension(ByteBuffer message, int extensionType) {
        ByteBuffer m = message.duplicate();
        if ((m.get() & 0xFF) != CLIENT_HELLO) {
            throw new IllegalArgumentException("not a ClientHello");
        }
        skip(m, 3 + 2 + 32);
        skip(m, m.get() & 0xFF);
        skip(m, m.getShort() & 0xFFFF);
        skip(m, m.get() & 0xFF);
        int end = (m.getShort() & 0xFFFF) + m.position();
        while (m.position() + 4 <= end) {
            int type = m.getShort() & 0xFFFF;
            int length = m.getShort() & 0xFFFF;
            if (type == extensionType) {
                ByteBuffer body = m.slice();
                return java.util.Optional.of(body.limit(length));
            }
            skip(m, length);
        }
        return java.util.Optional.empty();
    }

    private static List<Integer> cipherSuites(ByteBuffer m) {
        int length = m.getShort() & 0xFFFF;
        List<Integer> suites = new ArrayList<>(length / 2);
        for (int i = 0; i < length / 2; i++) {
            suites.add(m.getShort() & 0xFFFF);
        }
        return suites;
    }

    private static List<Integer> extensionTypes(ByteBuffer m) {
        List<Integer> types = new ArrayList<>();
        if (!m.hasRemaining()) {
            return types; // a hello without extensions
        }
        int end = (m.getShort() & 0xFFFF) + m.position();
        while (m.position() + 4 <= end) {
            types.add(m.getShort() & 0xFFFF);
            skip(m, m.getShort() & 0xFFFF);
        }
        return types;
    }

    private static void skip(ByteBuffer m, int n) {
        m.position(m.position() + n);
    }
}
