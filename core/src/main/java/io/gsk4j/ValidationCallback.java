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
     * @param validationStatus gsk4j's own verdict: 0 ({@code GSK_VALIDATION_SUCCESSFUL}),
     *     6000 (untrusted root) or 107 (expired); the latter two only reach a routine
     *     registered with {@code GSK_NO_VALIDATION}
     * @return {@code GSK_OK} (0) to accept, {@code GSK_ERROR_CERT_VALIDATION} (8) to refuse;
     *     any other number refuses too
     */
    int validate(List<X509Certificate> chain, int validationStatus);
}
