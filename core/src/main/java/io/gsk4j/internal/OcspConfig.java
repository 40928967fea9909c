package io.gsk4j.internal;

import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.NumericAttribute;
import io.gsk4j.internal.ocsp.OcspChecker;
import io.gsk4j.internal.ocsp.OcspSettings;
import java.util.Optional;

/**
 * Turns an environment's OCSP attributes into a checker. OCSP is on when GSK_OCSP_ENABLE is
 * TRUE (the certificate's AIA responder, or GSK_OCSP_URL when set) or when GSK_OCSP_URL alone
 * is set (IBM: a responder asked about every end-entity certificate).
 */
final class OcspConfig {
    private OcspConfig() {
    }

    static Optional<OcspChecker> checker(AttributeValues values) {
        String url = values.buffer(BufferAttribute.GSK_OCSP_URL).filter(u -> !u.isBlank()).orElse(null);
        if (!values.isOn(EnumAttribute.GSK_OCSP_ENABLE) && url == null) {
            return Optional.empty();
        }
        return Optional.of(new OcspChecker(settings(values)));
    }

    /** The OCSP attributes as settings, whether OCSP is on or not (CRL fetching uses their transport part). */
    static OcspSettings settings(AttributeValues values) {
        String url = values.buffer(BufferAttribute.GSK_OCSP_URL).filter(u -> !u.isBlank()).orElse(null);
        int timeout = values.number(NumericAttribute.GSK_OCSP_TIMEOUT);
        OcspSettings settings = new OcspSettings(
                url,
                timeout == 0 ? OcspSettings.DEFAULT_TIMEOUT_SECONDS : timeout,
                values.number(NumericAttribute.GSK_OCSP_MAX_RESPONSE_SIZE),
                values.isOn(EnumAttribute.GSK_OCSP_NONCE_GENERATION_ENABLE),
                values.isOn(EnumAttribute.GSK_OCSP_NONCE_CHECK_ENABLE),
                values.number(NumericAttribute.GSK_OCSP_NONCE_SIZE),
                values.isOn(EnumAttribute.GSK_OCSP_RETRIEVE_VIA_GET),
                values.buffer(BufferAttribute.GSK_OCSP_PROXY_SERVER_NAME).filter(h -> !h.isBlank()).orElse(null),
                values.number(NumericAttribute.GSK_OCSP_PROXY_SERVER_PORT),
                values.number(NumericAttribute.GSK_OCSP_CLIENT_CACHE_SIZE));
        return settings;
    }
}
