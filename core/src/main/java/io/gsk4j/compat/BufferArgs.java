package io.gsk4j.compat;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import java.nio.charset.StandardCharsets;

/** The {@code (buffer, bufSize)} argument pair of gsk_attribute_set_buffer, made into one String. */
final class BufferArgs {
    private BufferArgs() {
    }

    /** bufSize 0: the whole string (C: up to the NUL); bufSize n: its first n chars. */
    static String of(String buffer, int bufSize) throws GskException {
        checkSize(bufSize, buffer.length());
        return bufSize == 0 ? buffer : buffer.substring(0, bufSize);
    }

    /**
     * bufSize 0: up to the first NUL byte, or the whole array; bufSize n: the first n bytes.
     * Decoded as UTF-8, where IBM i would use the job CCSID.
     */
    static String of(byte[] buffer, int bufSize) throws GskException {
        checkSize(bufSize, buffer.length);
        int length = bufSize;
        if (length == 0) {
            while (length < buffer.length && buffer[length] != 0) {
                length++;
            }
        }
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    private static void checkSize(int bufSize, int available) throws GskException {
        if (bufSize < 0 || bufSize > available) {
            throw new GskException(GskStatus.GSK_ATTRIBUTE_INVALID_LENGTH,
                    "bufSize " + bufSize + " does not fit a buffer of " + available);
        }
    }
}
