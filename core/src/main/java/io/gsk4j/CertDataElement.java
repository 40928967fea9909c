package io.gsk4j;

import io.gsk4j.attr.CertDataId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One gsk_cert_data_elem: which certificate field ({@code cert_data_id}) and its bytes
 * ({@code cert_data_p} / {@code cert_data_l}).
 *
 * <p>Text fields hold UTF-8 (IBM i would use the job CCSID); the DER fields
 * ({@link CertDataId#binary()}) hold raw bytes. The array is copied on the way in and on
 * the way out, so an element can be handed to callers without them changing it.
 */
public record CertDataElement(CertDataId id, byte[] value) {

    /** Keeps its own copy of the value. */
    public CertDataElement {
        Objects.requireNonNull(id, "id");
        value = Objects.requireNonNull(value, "value").clone();
    }

    /** A text element, stored as UTF-8. */
    public static CertDataElement ofText(CertDataId id, String text) {
        return new CertDataElement(id, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The value as IBM returns it (a copy: the caller may change it). */
    @Override
    public byte[] value() {
        return value.clone();
    }

    /** Length in bytes, what C sees as {@code cert_data_l}. */
    public int length() {
        return value.length;
    }

    /** The value as text: UTF-8 for text fields, upper-case hex for binary ones. */
    public String text() {
        return id.binary() ? HexFormat.of().withUpperCase().formatHex(value) : new String(value, StandardCharsets.UTF_8);
    }

    // A record compares arrays by reference; two elements with the same bytes are equal.
    @Override
    public boolean equals(Object other) {
        return other instanceof CertDataElement e && e.id == id && Arrays.equals(e.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Arrays.hashCode(value);
    }

    /** "CERT_COMMON_NAME = host"; binary fields show only their length, so logs stay short. */
    @Override
    public String toString() {
        return id.name() + " = " + (id.binary() ? "<" + value.length + " bytes>" : text());
    }
}
