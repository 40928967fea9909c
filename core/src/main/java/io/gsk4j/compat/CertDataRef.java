package io.gsk4j.compat;

/**
 * The {@code const gsk_cert_data_elem **} output of gsk_attribute_get_cert_info. The array is
 * the caller's to keep; unlike C nothing is freed when the handle closes.
 */
public final class CertDataRef {
    public CertDataElem[] value;

    @Override
    public String toString() {
        return value == null ? "null" : value.length + " certificate data elements";
    }
}
