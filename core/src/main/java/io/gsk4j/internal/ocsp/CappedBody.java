package io.gsk4j.internal.ocsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The answer's body, taken only from a 200 answer of an acceptable type and identity coding, and
 * never more than the cap: a declared length over it is refused before any body byte is read,
 * an undeclared or chunked body as soon as it passes the cap. A refused answer's connection is
 * dropped rather than drained.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** Content types an OCSP answer may come as (an empty or absent type is accepted too). */
    static final Set<String> OCSP_TYPES = Set.of("application/ocsp-response", "application/octet-stream");

    /** Carries why an answer was refused through the client's future. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient OcspFailure failure;

        Refused(OcspFailure failure) {
            super(failure.getMessage(), null);
            this.failure = failure;
        }

        OcspFailure failure() {
            return failure;
        }
    }

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final int maxBody;
    private final OcspFailure refusal; // decided from the head, or null
    private Flow.Subscription subscription;

    CappedBody(HttpResponse.ResponseInfo head, int maxBody, Set<String> types) {
        this.maxBody = maxBody;
        this.refusal = refusal(head, maxBody, types);
    }

    private static OcspFailure refusal(HttpResponse.ResponseInfo head, int maxBody, Set<String> types) {
        int status = head.statusCode();
        if (status != 200) {
            return new OcspFailure(status >= 300 && status < 400
                    ? "responder answered with HTTP redirect " + status + " (redirects are not followed)"
                    : "responder answered with HTTP status " + status);
        }
        String type = head.headers().firstValue("Content-Type").orElse(null);
        if (type != null) {
            String bare = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!bare.isEmpty() && !types.contains(bare)) {
                return new OcspFailure("responder sent Content-Type " + bare + ", not " + types.iterator().next());
            }
        }
        String coding = head.headers().firstValue("Content-Encoding").orElse(null);
        if (coding != null && !coding.equalsIgnoreCase("identity")) {
            return new OcspFailure("responder sent an encoded body (" + coding + ")");
        }
        try {
            if (head.headers().firstValueAsLong("Content-Length").orElse(0) > maxBody) {
                return tooLarge(maxBody);
            }
        } catch (NumberFormatException e) {
            return new OcspFailure("responder sent a malformed Content-Length");
        }
        return null;
    }

    private static OcspFailure tooLarge(int maxBody) {
        return new OcspFailure("response larger than GSK_OCSP_MAX_RESPONSE_SIZE (" + maxBody + " bytes) discarded");
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (refusal != null) {
            s.cancel();
            result.completeExceptionally(new Refused(refusal));
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            if ((long) body.size() + item.remaining() > maxBody) {
                subscription.cancel();
                result.completeExceptionally(new Refused(tooLarge(maxBody)));
                return;
            }
            byte[] bytes = new byte[item.remaining()];
            item.get(bytes);
            body.writeBytes(bytes);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(body.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
