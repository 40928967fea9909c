package io.gsk4j.internal.validation;

import io.gsk4j.ValidationReason;
import java.security.cert.X509Certificate;

/**
 * Extensions RFC 5280 says a CA MUST mark critical, and that a relying party that processes
 * them should not take otherwise: policyConstraints (§4.2.1.11) always; nameConstraints
 * (§4.2.1.10) under RFC5280 only, because the web PKI lets CAs issue them non-critical so that
 * old clients that cannot process them still work (x509-limbo webpki::nc::permitted-dns-match-noncritical).
 */
final class CriticalityRule implements PathRule {
    @Override
    public Violation check(ValidationPath path) {
        for (int i = 0; i < path.size(); i++) {
            if (!path.caChecked(i)) {
                continue;
            }
            X509Certificate c = path.cert(i);
            if (Ext.present(c, Ext.POLICY_CONSTRAINTS) && !Ext.critical(c, Ext.POLICY_CONSTRAINTS)) {
                return Violation.of(ValidationReason.POLICY_CONSTRAINTS_NOT_CRITICAL, c, "policyConstraints is not critical");
            }
            if (!path.strict() && Ext.present(c, Ext.NAME_CONSTRAINTS) && !Ext.critical(c, Ext.NAME_CONSTRAINTS)) {
                return Violation.of(ValidationReason.NAME_CONSTRAINTS_NOT_CRITICAL, c, "nameConstraints is not critical");
            }
        }
        return null;
    }
}
