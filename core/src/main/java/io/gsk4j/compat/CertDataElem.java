package io.gsk4j.compat;

import io.gsk4j.CertDataElement;
import io.gsk4j.attr.CertDataId;

/**
 * One {@code gsk_cert_data_elem}: which field ({@code cert_data_id}, e.g. CERT_BODY_DER = 600),
 * its bytes and their length. Character fields are UTF-8 here where IBM i uses the job CCSID.
 * The field names stay C's so ported code reads the same.
 */
public final class CertDataElem {
    public final int cert_data_id;
    /** The caller's own copy: changing it changes nothing else. */
    public final byte[] cert_data_p;
    /** Length of {@code cert_data_p}; as in C it counts no trailing NUL. */
    public final int cert_data_l;
    private final String text;

    CertDataElem(CertDataElement element) {
        this.cert_data_id = element.id().id();
        this.cert_data_p = element.value(); // already a fresh copy
        this.cert_data_l = cert_data_p.length;
        this.text = element.text();
    }

    /** The value as text: the field itself for character fields, upper-case hex for DER ones. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        // DER stays out of logs: it is long and unreadable
        return CertDataId.fromId(cert_data_id)
                .map(id -> cert_data_id + " " + id.name() + (id.binary() ? " (" + cert_data_l + " bytes)" : " = " + text))
                .orElse(cert_data_id + " (" + cert_data_l + " bytes)");
    }
}
