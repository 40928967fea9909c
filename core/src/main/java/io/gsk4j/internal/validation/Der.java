package io.gsk4j.internal.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * A minimal DER reader for the few raw fields the JDK's X509Certificate normalises away
 * (the time types in Validity, the serial's octets, the version). Definite lengths only.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int SEQUENCE = 0x30;
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;
    static final int CONTEXT_0 = 0xA0;

    /** One tag-length-value inside {@code buf}. */
    record Tlv(int tag, byte[] buf, int start, int length) {
        int end() {
            return start + length;
        }

        byte[] value() {
            byte[] out = new byte[length];
            System.arraycopy(buf, start, out, 0, length);
            return out;
        }

        List<Tlv> children() throws Malformed {
            List<Tlv> out = new ArrayList<>();
            int at = start;
            while (at < end()) {
                Tlv child = read(buf, at, end());
                out.add(child);
                at = child.end();
            }
            return out;
        }
    }

    /** The bytes are not DER this reader understands. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private Der() {
    }

    static Tlv read(byte[] buf, int offset, int limit) throws Malformed {
        if (offset + 2 > limit) {
            throw new Malformed("truncated at " + offset);
        }
        int tag = buf[offset] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            throw new Malformed("multi-byte tag at " + offset);
        }
        int first = buf[offset + 1] & 0xFF;
        int at = offset + 2;
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7F;
            if (count == 0 || count > 3) {
                throw new Malformed("unsupported length form at " + offset);
            }
            if (at + count > limit) {
                throw new Malformed("truncated length at " + offset);
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (buf[at + i] & 0xFF);
            }
            at += count;
        }
        if (length < 0 || at + length > limit) {
            throw new Malformed("length beyond the data at " + offset);
        }
        return new Tlv(tag, buf, at, length);
    }
}
