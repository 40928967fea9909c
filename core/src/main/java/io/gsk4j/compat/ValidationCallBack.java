package io.gsk4j.compat;

/**
 * IBM's {@code validationCallBack} structure, the area passed to
 * {@code gsk_attribute_set_callback(h, GSK_CERT_VALIDATION_CALLBACK, area)}.
 * Field names follow the C structure.
 */
public final class ValidationCallBack {
    /** The C routine {@code int validation_callback(const unsigned char *chain, int status)}. */
    @FunctionalInterface
    public interface Routine {
        /**
         * @param certificateChain the DER certificates back to back, leaf first (what the C
         *     routine walks one SEQUENCE after another)
         * @param validationStatus gsk4j's own verdict: GSK_VALIDATION_SUCCESSFUL (0),
         *     GSK_IBMI_ERROR_NOT_TRUSTED_ROOT (6000) or GSK_KEYFILE_CERT_EXPIRED (107)
         * @return GSK_OK to accept, GSK_ERROR_CERT_VALIDATION to refuse
         */
        int validate(byte[] certificateChain, int validationStatus);
    }

    public Routine validation_callback;
    /** GSK_NO_VALIDATION (900) or GSK_VALIDATION_REQUIRED (901). */
    public int validateRequired;
    /** GSK_CERTIFICATE_CHAIN_SENT_VIA_SSL (950), GSK_COMPLETED_CERTIFICATE_CHAIN (951) or GSK_END_ENTITY_CERTIFICATE (952). */
    public int certificateNeeded;

    /** An empty area: set its fields before passing it. */
    public ValidationCallBack() {
    }

    /** An area with the routine and its two settings (GSK_VALIDATION_REQUIRED..., GSK_*_CERTIFICATE...). */
    public ValidationCallBack(Routine validation_callback, int validateRequired, int certificateNeeded) {
        this.validation_callback = validation_callback;
        this.validateRequired = validateRequired;
        this.certificateNeeded = certificateNeeded;
    }
}
