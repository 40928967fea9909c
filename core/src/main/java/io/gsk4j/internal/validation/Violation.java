package io.gsk4j.internal.validation;

import java.security.cert.X509Certificate;
import java.util.Objects;

/** One refusal: the rule that refused and a sentence naming the certificate and what was wrong. */
public record Violation(ValidationReason rule, String detail) {
    public Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }

    static Violation of(ValidationReason rule, X509Certificate cert, String what) {
        return new Violation(rule, subject(cert) + ": " + what);
    }

    /** The text a verdict carries: the detail, then the rule and where it comes from. */
    public String text() {
        return detail + " [" + rule.name() + " " + rule.code() + ", " + rule.section() + "]";
    }

    static String subject(X509Certificate c) {
        String name = c.getSubjectX500Principal().getName();
        return "\"" + (name.isEmpty() ? "(empty subject, serial " + c.getSerialNumber().toString(16) + ")" : name) + "\"";
    }
}
