package io.gsk4j.internal.validation;

import io.gsk4j.ValidationReason;

/**
 * The policy's maximum chain depth: certificates below the trust anchor, the peer's own included.
 * Self-issued intermediates (a CA's key rollover) do not count, as for path lengths (RFC 5280 §6.1.4(l)).
 */
final class DepthRule implements PathRule {
    @Override
    public Violation check(ValidationPath path) {
        int below = 0;
        for (int i = 0; i < path.anchorIndex(); i++) {
            if (i == 0 || !path.selfIssued(i)) {
                below++;
            }
        }
        int max = path.policy().maxDepth();
        if (below > max) {
            return Violation.of(ValidationReason.CHAIN_TOO_LONG, path.leaf(),
                    "the path to the trust anchor holds " + below + " certificates that count, the maximum depth is " + max);
        }
        return null;
    }
}
