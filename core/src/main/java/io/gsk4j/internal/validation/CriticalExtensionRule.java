package io.gsk4j.internal.validation;

import io.gsk4j.ValidationReason;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.TreeSet;

/** RFC 5280 §4.2: a critical extension nobody here processes makes the certificate unusable. */
final class CriticalExtensionRule implements PathRule {
    @Override
    public Violation check(ValidationPath path) {
        for (int i = 0; i < path.size(); i++) {
            if (!path.caChecked(i)) {
                continue;
            }
            X509Certificate c = path.cert(i);
            Set<String> critical = c.getCriticalExtensionOIDs();
            if (critical == null) {
                continue;
            }
            Set<String> unknown = new TreeSet<>();
            for (String oid : critical) {
                if (!Ext.understood(oid)) {
                    unknown.add(oid);
                }
            }
            if (!unknown.isEmpty()) {
                return Violation.of(ValidationReason.UNKNOWN_CRITICAL_EXTENSION, c, "unknown critical extension " + unknown);
            }
        }
        return null;
    }
}
