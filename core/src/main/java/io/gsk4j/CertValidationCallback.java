package io.gsk4j;

import io.gsk4j.attr.EnumValue;
import java.util.Objects;

/**
 * A {@code GSK_CERT_VALIDATION_CALLBACK} registration, the Java form of IBM's
 * {@code validationCallBack} structure.
 *
 * @param routine the application's check
 * @param validateRequired {@code GSK_VALIDATION_REQUIRED}: gsk4j validates first and asks the
 *     routine only about chains it accepted; {@code GSK_NO_VALIDATION}: the routine also decides
 *     about chains that failed only for expiry or an untrusted root
 * @param certificateNeeded which certificates the routine gets: the chain as sent
 *     ({@code GSK_CERTIFICATE_CHAIN_SENT_VIA_SSL}), the chain completed with its trust anchor
 *     ({@code GSK_COMPLETED_CERTIFICATE_CHAIN}), or the leaf alone
 *     ({@code GSK_END_ENTITY_CERTIFICATE}); ignored with {@code GSK_NO_VALIDATION}
 */
public record CertValidationCallback(ValidationCallback routine, EnumValue validateRequired, EnumValue certificateNeeded) {
    /** Requires a routine; the two settings are checked when the callback is set. */
    public CertValidationCallback {
        Objects.requireNonNull(routine, "routine");
    }

    /** Whether gsk4j validates the chain before the callback sees it (GSK_VALIDATION_REQUIRED). */
    public boolean validationRequired() {
        return validateRequired == EnumValue.GSK_VALIDATION_REQUIRED;
    }

    /** Checks the two enumerations, as gsk_attribute_set_callback does. */
    void check() throws GskException {
        if (validateRequired != EnumValue.GSK_VALIDATION_REQUIRED && validateRequired != EnumValue.GSK_NO_VALIDATION) {
            throw new GskException(GskStatus.GSK_ATTRIBUTE_INVALID_ENUMERATION,
                    "validateRequired must be GSK_VALIDATION_REQUIRED or GSK_NO_VALIDATION");
        }
        if (certificateNeeded != EnumValue.GSK_CERTIFICATE_CHAIN_SENT_VIA_SSL
                && certificateNeeded != EnumValue.GSK_COMPLETED_CERTIFICATE_CHAIN
                && certificateNeeded != EnumValue.GSK_END_ENTITY_CERTIFICATE) {
            throw new GskException(GskStatus.GSK_ATTRIBUTE_INVALID_ENUMERATION,
                    "certificateNeeded must be one of GSK_CERTIFICATE_CHAIN_SENT_VIA_SSL, "
                            + "GSK_COMPLETED_CERTIFICATE_CHAIN, GSK_END_ENTITY_CERTIFICATE");
        }
    }
}
