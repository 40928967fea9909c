package io.gsk4j.internal.validation;

import static io.gsk4j.internal.validation.Chains.assertRefused;
import static io.gsk4j.internal.validation.Chains.assertValid;
import static io.gsk4j.internal.validation.Chains.judge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.gsk4j.GskStatus;
import io.gsk4j.ValidationReason;
import io.gsk4j.internal.certs.ChainVerdict;
import io.gsk4j.internal.validation.ValidationPolicy.Profile;
import io.gsk4j.internal.validation.ValidationPolicy.Purpose;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy's maximum chain depth: certificates below the trust anchor, the peer's own included. */
class DepthRuleTest {

    /** root, then n CAs, then a leaf: the peer's chain (leaf first, no root) and the root. */
    private static Issued[] chainOf(Issued root, int intermediates) {
        List<Issued> cas = new ArrayList<>();
        Issued parent = root;
        for (int i = 0; i < intermediates; i++) {
            parent = CertBuilder.ca("O=gsk4j tests,CN=CA " + i).issuedBy(parent);
            cas.add(parent);
        }
        List<Issued> sent = new ArrayList<>();
        sent.add(Chains.server(parent));
        Collections.reverse(cas);
        sent.addAll(cas);
        return sent.toArray(new Issued[0]);
    }

    @Test
    void theDepthIsCountedBelowTheAnchor() {
        Issued root = Chains.root();
        Issued[] five = chainOf(root, 4);
        assertValid(judge(Chains.STRICT.withMaxDepth(5), root, five));
        assertRefused(ValidationReason.CHAIN_TOO_LONG, judge(Chains.STRICT.withMaxDepth(4), root, five));
        assertRefused(ValidationReason.CHAIN_TOO_LONG, judge(Chains.JDK.withMaxDepth(4), root, five));
        assertRefused(ValidationReason.CHAIN_TOO_LONG, judge(Chains.STRICT.withMaxDepth(1), root, chainOf(root, 1)));
    }

    @Test
    void theDefaultIsTen() {
        Issued root = Chains.root();
        assertValid(Chains.strict(root, chainOf(root, 9)));
        assertRefused(ValidationReason.CHAIN_TOO_LONG, Chains.strict(root, chainOf(root, 10)));
    }

    @Test
    void aHugeChainIsCutShortQuickly() {
        Issued root = Chains.root();
        Issued[] huge = chainOf(root, 120);
        ChainVerdict v = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Chains.strict(root, huge));
        // only the first 33 certificates are looked at: the anchor is out of reach
        assertEquals(GskStatus.GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, v.status(), v.reason());
    }

    @Test
    void selfIssuedIntermediatesDoNotCount() {
        Issued root = Chains.root();
        Issued ca = CertBuilder.ca("O=gsk4j tests,CN=Rolling CA").issuedBy(root);
        // the CA's new key certified by its old one: issuer and subject the same name
        Issued rolled = CertBuilder.ca("O=gsk4j tests,CN=Rolling CA").issuedBy(ca);
        Issued leaf = Chains.server(rolled);
        assertValid(judge(Chains.RFC.withMaxDepth(2), root, leaf, rolled, ca));
        Issued other = CertBuilder.ca("O=gsk4j tests,CN=Other CA").issuedBy(ca);
        assertRefused(ValidationReason.CHAIN_TOO_LONG, judge(Chains.RFC.withMaxDepth(2), root, Chains.server(other), other, ca));
    }

    @Test
    void depthLimits() {
        assertThrows(IllegalArgumentException.class, () -> new ValidationPolicy(Profile.STRICT, 0, null, Purpose.SERVER));
        assertThrows(IllegalArgumentException.class,
                () -> new ValidationPolicy(Profile.STRICT, ValidationPolicy.DEPTH_LIMIT + 1, null, Purpose.SERVER));
    }
}
