package io.gsk4j.internal.engine;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The first handshake message the peer sends (its ClientHello or ServerHello), reassembled
 * from the plaintext records that carry it, for the checks the JDK offers no API for:
 * RFC 5746 renegotiation indication, and the exact order of a ClientHello's suites.
 *
 * <p>Only handshake records (content type 22) count; a hello split over several records is
 * joined. Work is bounded: at most {@link #LIMIT} bytes are kept.
 */
public final class HelloCapture {
    static final int LIMIT = 1 << 16;
    private static final int HANDSHAKE = 22;

    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private boolean done;

    /** Copies newly received bytes, until the first handshake message is complete. */
    void add(ByteBuffer bytes) {
        if (done) {
            return;
        }
        int room = LIMIT - raw.size();
        int n = Math.min(room, bytes.remaining());
        byte[] copy = new byte[n];
        bytes.duplicate().get(copy);
        raw.writeBytes(copy);
        done = raw.size() >= LIMIT || firstMessage().isPresent();
    }

    /** The first handshake message (type, 3-byte length, body), once complete. */
    public Optional<ByteBuffer> firstMessage() {
        ByteBuffer records = ByteBuffer.wrap(raw.toByteArray());
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (records.remaining() >= 5) {
            int type = records.get() & 0xFF;
            records.position(records.position() + 2); // legacy record version
            int length = records.getShort() & 0xFFFF;
            if (type != HANDSHAKE || length > records.remaining()) {
                break;
            }
            byte[] fragment = new byte[length];
            records.get(fragment);
            message.writeBytes(fragment);
            byte[] sofar = message.toByteArray();
            if (sofar.length >= 4) {
                int bodyLength = ((sofar[1] & 0xFF) << 16) | ((sofar[2] & 0xFF) << 8) | (sofar[3] & 0xFF);
                if (sofar.length >= 4 + bodyLength) {
                    return Optional.of(ByteBuffer.wrap(sofar, 0, 4 + bodyLength).slice());
                }
            }
        }
        return Optional.empty();
    }
}
