package io.gsk4j.internal.certs;

import io.gsk4j.GskStatus;

/**
 * What validation concluded about a peer's chain: {@code GSK_OK} or the status that says
 * why not, with a sentence for people. The status number doubles as the validation code
 * ({@code GSK_CERTIFICATE_VALIDATION_CODE}, {@code GSK_LAST_VALIDATION_ERROR}), as on IBM i.
 */
public record ChainVerdict(GskStatus status, String reason) {
    public static final ChainVerdict OK = new ChainVerdict(GskStatus.GSK_OK, "the chain is valid");

    public boolean ok() {
        return status == GskStatus.GSK_OK;
    }

    /** The failures PASSTHRU authentication lets through: IBM names expiry and an untrusted root. */
    public boolean passableInPassthru() {
        return status == GskStatus.GSK_KEYFILE_CERT_EXPIRED || status == GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT;
    }
}
