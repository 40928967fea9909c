package io.gsk4j;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The application's own check of a peer's certificate chain: the routine of
 * {@code GSK_CERT_VALIDATION_CALLBACK}.
 */
@FunctionalInterface
public interface ValidationCallback {
    /**
     * @param chain the certificates the registration asked for, leaf first
     * @param validationStatus gsk4j's own verdict: {@code GSK_OK} ({@code GSK_VALIDATION_SUCCESSFUL}),
     *     {@code GSK_IBMI_ERROR_NOT_TRUSTED_ROOT} (6000) or {@code GSK_KEYFILE_CERT_EXPIRED} (107);
     *     the latter two only reach a routine registered with {@code GSK_NO_VALIDATION}
     * @return {@code GSK_OK} to accept, {@code GSK_ERROR_CERT_VALIDATION} to refuse; any other
     *     status (or null) refuses too. The C-shaped routine in the compat layer keeps its ints.
     */
    GskStatus validate(List<X509Certificate> chain, GskStatus validationStatus);
}
