package io.gsk4j.internal.ocsp;

/**
 * Why no trustworthy answer was obtained; becomes an {@link OcspStatus#UNAVAILABLE} result.
 * The message is the result's detail, so it must never carry secrets.
 */
final class OcspFailure extends Exception {

    OcspFailure(String detail) {
        super(detail, null, false, false);
    }

    OcspFailure(String detail, Throwable cause) {
        super(detail, cause, false, false);
    }

    OcspResult toResult() {
        return OcspResult.unavailable(getMessage());
    }
}
