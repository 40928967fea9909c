package io.gsk4j.internal.validation;

/** The policy's maximum chain depth: certificates below the trust anchor, the peer's own included. */
final class DepthRule implements PathRule {
    @Override
    public Violation check(ValidationPath path) {
        int below = path.size() - 1;
        int max = path.policy().maxDepth();
        if (below > max) {
            return Violation.of(ValidationReason.CHAIN_TOO_LONG, path.leaf(),
                    "the path to the trust anchor holds " + below + " certificates, the maximum depth is " + max);
        }
        return null;
    }
}
