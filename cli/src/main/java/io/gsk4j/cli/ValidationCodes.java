package io.gsk4j.cli;

import io.gsk4j.GskStatus;
import io.gsk4j.ValidationReason;
import java.util.Optional;

/**
 * Names for what GSK_CERTIFICATE_VALIDATION_CODE holds: a status number (0, 6000, 107, 404)
 * or the code of a named validation rule (575xxx GSKit's, 576xxx gsk4j's; docs/VALIDATION.md).
 */
final class ValidationCodes {
    private ValidationCodes() {
    }

    static String name(int code) {
        Optional<GskStatus> status = GskStatus.fromCode(code);
        if (status.isPresent()) {
            return status.get().name();
        }
        return ValidationReason.fromCode(code).map(r -> r.gskitName().orElse(r.name())).orElse("unknown validation code");
    }

    /** "the rule's sentence (RFC 5280 §x)" for a rule code; empty for status numbers. */
    static Optional<String> rule(int code) {
        return ValidationReason.fromCode(code).map(r -> r.explanation() + " (" + r.section() + ")");
    }

    static Optional<ValidationReason> reason(int code) {
        return ValidationReason.fromCode(code);
    }
}
