package io.gsk4j.async;

/**
 * What a start call did. Either the operation is {@link #pending()} and exactly one
 * completion will be posted later, or it finished at once and {@link #completion()} holds the
 * result; then a completion was also posted only when the caller asked to always post
 * ({@link #posted()}, IBM's postFlagResult 1).
 */
public record Started(boolean pending, boolean posted, Completion completion) {
    private static final Started PENDING = new Started(true, false, null);

    static Started later() {
        return PENDING;
    }

    static Started now(Completion completion, boolean posted) {
        return new Started(false, posted, completion);
    }
}
