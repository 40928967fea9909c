package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.gsk_strerror;

import io.gsk4j.GskStatus;
import io.gsk4j.internal.validation.ValidationReason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What people paste into {@code strerror}: a status number or any of its names
 * ({@code GSK_ERROR_NO_CIPHERS}, {@code SSL_ERROR_NOT_TRUSTED_ROOT}), or one of the validation
 * codes gsk4j itself prints (575xxx, 576xxx) or their names ({@code HOSTNAME_MISMATCH},
 * {@code GSKVAL_ERROR_REVOKED_CERT}).
 */
sealed interface CodeLookup {
    /** A GSKit return code, known or not. */
    record Status(int number) implements CodeLookup {
    }

    /** A named validation rule (the value of GSK_LAST_VALIDATION_ERROR). */
    record Rule(ValidationReason reason) implements CodeLookup {
    }

    /** Reads one argument; empty when it is neither a number nor a known name. */
    static Optional<CodeLookup> parse(String text) {
        String t = text.trim();
        try {
            int n = Integer.parseInt(t);
            Optional<ValidationReason> reason = ValidationReason.fromCode(n);
            return Optional.of(reason.isPresent() ? new Rule(reason.get()) : new Status(n));
        } catch (NumberFormatException e) {
            // a name, then
        }
        Optional<GskStatus> status = GskStatus.fromName(t.toUpperCase(Locale.ROOT));
        if (status.isPresent()) {
            return Optional.of(new Status(status.get().code()));
        }
        String upper = t.toUpperCase(Locale.ROOT);
        for (ValidationReason r : ValidationReason.values()) {
            if (r.name().equals(upper) || r.gskitName().map(upper::equals).orElse(false)) {
                return Optional.of(new Rule(r));
            }
        }
        return Optional.empty();
    }

    /** The general explanation (Facts that name nothing in particular). */
    default Optional<Explanation> explanation() {
        if (this instanceof Rule r) {
            Facts f = Facts.generic();
            f.validationCode = r.reason().code();
            return Optional.of(Explanations.explain(r.reason().status().code(), f));
        }
        int n = ((Status) this).number();
        return GskStatus.fromCode(n).filter(s -> Explanations.covered().contains(s))
                .map(s -> Explanations.explain(n, Facts.generic()));
    }

    default Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (this instanceof Rule r) {
            ValidationReason v = r.reason();
            m.put("kind", "validationRule");
            m.put("number", v.code());
            m.put("name", v.name());
            m.put("gskitName", v.gskitName().orElse(null));
            m.put("rule", v.explanation());
            m.put("section", v.section());
            m.put("status", ConnectionReport.codeJson(v.status().code()));
        } else {
            int n = ((Status) this).number();
            m.put("kind", "status");
            m.put("number", n);
            m.put("name", GskStatus.nameOf(n));
            m.put("aliases", GskStatus.fromCode(n).map(s -> s.names().subList(1, s.names().size())).orElse(List.of()));
            m.put("strerror", gsk_strerror(n));
        }
        m.put("explanation", explanation().map(Explanation::toJson).orElse(null));
        return m;
    }
}
