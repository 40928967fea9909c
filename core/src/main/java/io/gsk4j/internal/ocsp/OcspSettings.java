package io.gsk4j.internal.ocsp;

/**
 * What an environment's OCSP attributes say, frozen when the environment is initialised.
 *
 * @param responderUrl     GSK_OCSP_URL: a responder asked about every certificate; null or blank =
 *                         use the certificate's own AIA OCSP URL
 * @param timeoutSeconds   GSK_OCSP_TIMEOUT: limit for one query; 0 = no own limit (a caller's deadline
 *                         still applies)
 * @param maxResponseBytes GSK_OCSP_MAX_RESPONSE_SIZE: larger response bodies are discarded
 * @param nonceGeneration  GSK_OCSP_NONCE_GENERATION_ENABLE: put a nonce into each request
 * @param nonceCheck       GSK_OCSP_NONCE_CHECK_ENABLE: the response must echo our nonce; implies that
 *                         one is sent, since there is nothing to check otherwise
 * @param nonceSize        GSK_OCSP_NONCE_SIZE: nonce length in bytes, 1..32
 * @param viaGet           GSK_OCSP_RETRIEVE_VIA_GET: use GET (RFC 6960 appendix A) when the whole URL
 *                         stays within 255 bytes (RFC 5019 section 5), otherwise POST
 * @param proxyHost        GSK_OCSP_PROXY_SERVER_NAME: HTTP proxy for OCSP traffic; null = direct
 * @param proxyPort        GSK_OCSP_PROXY_SERVER_PORT: 0 = the HTTP default port 80
 * @param cacheSize        GSK_OCSP_CLIENT_CACHE_SIZE: cached answers (LRU); 0 = no cache
 */
public record OcspSettings(
        String responderUrl,
        int timeoutSeconds,
        int maxResponseBytes,
        boolean nonceGeneration,
        boolean nonceCheck,
        int nonceSize,
        boolean viaGet,
        String proxyHost,
        int proxyPort,
        int cacheSize) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 10;
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 20480;
    public static final int DEFAULT_NONCE_SIZE = 8;
    public static final int MAX_NONCE_SIZE = 32;
    public static final int DEFAULT_CACHE_SIZE = 256;

    public OcspSettings {
        responderUrl = blankToNull(responderUrl);
        proxyHost = blankToNull(proxyHost);
        if (timeoutSeconds < 0) {
            throw new IllegalArgumentException("OCSP timeout must not be negative: " + timeoutSeconds);
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("OCSP maximum response size must be positive: " + maxResponseBytes);
        }
        if (nonceSize < 1 || nonceSize > MAX_NONCE_SIZE) {
            throw new IllegalArgumentException("OCSP nonce size must be 1.." + MAX_NONCE_SIZE + ": " + nonceSize);
        }
        if (proxyPort < 0 || proxyPort > 65535) {
            throw new IllegalArgumentException("OCSP proxy port out of range: " + proxyPort);
        }
        if (cacheSize < 0) {
            throw new IllegalArgumentException("OCSP cache size must not be negative: " + cacheSize);
        }
    }

    /**
     * The values used when a program sets no OCSP attribute. IBM documents only the response size
     * (20480); the 10 s timeout, nonce off, POST and a 256-entry cache are our choices.
     */
    public static OcspSettings defaults() {
        return new OcspSettings(null, DEFAULT_TIMEOUT_SECONDS, DEFAULT_MAX_RESPONSE_BYTES,
                false, false, DEFAULT_NONCE_SIZE, false, null, 0, DEFAULT_CACHE_SIZE);
    }

    /** Whether requests carry a nonce: asked for, or needed because the answer must echo one. */
    boolean sendsNonce() {
        return nonceGeneration || nonceCheck;
    }

    /** The proxy port to connect to; 0 stands for HTTP's default. */
    int effectiveProxyPort() {
        return proxyPort == 0 ? 80 : proxyPort;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
