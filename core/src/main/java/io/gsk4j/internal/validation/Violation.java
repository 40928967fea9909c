package io.gsk4j.internal.validation;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * One refusal: the rule that refused, a sentence naming the certificate and what was wrong, and
 * the certificate itself (null when the refusal is about the chain as a whole).
 */
public record Violation(ValidationReason rule, String detail, X509Certificate certificate) {
    public Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }

    /** A refusal about no single certificate. */
    public Violation(ValidationReason rule, String detail) {
        this(rule, detail, null);
    }

    static Violation of(ValidationReason rule, X509Certificate cert, String what) {
        return new Violation(rule, subject(cert) + ": " + what, cert);
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
