package io.gsk4j.internal.validation.limbo;

import io.gsk4j.GskStatus;
import io.gsk4j.internal.certs.ChainValidator;
import io.gsk4j.internal.certs.ChainVerdict;
import io.gsk4j.internal.validation.ValidationPolicy;
import io.gsk4j.internal.validation.ValidationPolicy.Profile;
import io.gsk4j.internal.validation.ValidationPolicy.Purpose;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Runs one corpus case through the validator the handshake uses, under one profile. */
final class LimboRunner {
    private LimboRunner() {
    }

    static ChainVerdict judge(LimboCase c, Profile profile) {
        if (c.unparsable() != null) {
            return new ChainVerdict(GskStatus.GSK_ERROR_BAD_CERTIFICATE, "the JDK cannot parse the case: " + c.unparsable());
        }
        List<X509Certificate> sent = new ArrayList<>();
        sent.add(c.peer());
        sent.addAll(c.untrusted());
        ValidationPolicy policy = new ValidationPolicy(profile, depth(c), host(c), c.client() ? Purpose.CLIENT : Purpose.SERVER);
        Date at = c.time() == null ? new Date() : Date.from(c.time());
        return new ChainValidator(c.trusted(), c.crls()).validate(sent.toArray(new X509Certificate[0]), at, policy);
    }

    /** The corpus counts intermediates; gsk4j counts every certificate below the anchor, the peer's included. */
    private static int depth(LimboCase c) {
        if (c.maxDepth() == null) {
            return ValidationPolicy.DEFAULT_DEPTH;
        }
        return Math.min(ValidationPolicy.DEPTH_LIMIT, c.maxDepth() + 1);
    }

    /** gsk4j checks DNS names and IP addresses; a mailbox is no TLS peer name. */
    private static String host(LimboCase c) {
        return "DNS".equals(c.hostKind()) || "IP".equals(c.hostKind()) ? c.host() : null;
    }
}
