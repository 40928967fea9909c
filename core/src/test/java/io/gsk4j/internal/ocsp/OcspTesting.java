package io.gsk4j.internal.ocsp;

/** Settings shortcuts for tests: a named responder, short timeout, no nonce, POST, no cache. */
final class OcspTesting {
    private OcspTesting() {
    }

    static OcspSettings settings(String url) {
        return new OcspSettings(url, 5, OcspSettings.DEFAULT_MAX_RESPONSE_BYTES, false, false,
                OcspSettings.DEFAULT_NONCE_SIZE, false, null, 0, 0);
    }

    static OcspSettings withTimeout(OcspSettings s, int seconds) {
        return new OcspSettings(s.responderUrl(), seconds, s.maxResponseBytes(), s.nonceGeneration(), s.nonceCheck(),
                s.nonceSize(), s.viaGet(), s.proxyHost(), s.proxyPort(), s.cacheSize());
    }

    static OcspSettings withMaxResponse(OcspSettings s, int bytes) {
        return new OcspSettings(s.responderUrl(), s.timeoutSeconds(), bytes, s.nonceGeneration(), s.nonceCheck(),
                s.nonceSize(), s.viaGet(), s.proxyHost(), s.proxyPort(), s.cacheSize());
    }

    static OcspSettings withNonce(OcspSettings s, boolean generate, boolean check, int size) {
        return new OcspSettings(s.responderUrl(), s.timeoutSeconds(), s.maxResponseBytes(), generate, check,
                size, s.viaGet(), s.proxyHost(), s.proxyPort(), s.cacheSize());
    }

    static OcspSettings withGet(OcspSettings s, boolean viaGet) {
        return new OcspSettings(s.responderUrl(), s.timeoutSeconds(), s.maxResponseBytes(), s.nonceGeneration(),
                s.nonceCheck(), s.nonceSize(), viaGet, s.proxyHost(), s.proxyPort(), s.cacheSize());
    }

    static OcspSettings withProxy(OcspSettings s, String host, int port) {
        return new OcspSettings(s.responderUrl(), s.timeoutSeconds(), s.maxResponseBytes(), s.nonceGeneration(),
                s.nonceCheck(), s.nonceSize(), s.viaGet(), host, port, s.cacheSize());
    }

    static OcspSettings withCache(OcspSettings s, int entries) {
        return new OcspSettings(s.responderUrl(), s.timeoutSeconds(), s.maxResponseBytes(), s.nonceGeneration(),
                s.nonceCheck(), s.nonceSize(), s.viaGet(), s.proxyHost(), s.proxyPort(), entries);
    }

    static OcspSettings withUrl(OcspSettings s, String url) {
        return new OcspSettings(url, s.timeoutSeconds(), s.maxResponseBytes(), s.nonceGeneration(),
                s.nonceCheck(), s.nonceSize(), s.viaGet(), s.proxyHost(), s.proxyPort(), s.cacheSize());
    }
}
