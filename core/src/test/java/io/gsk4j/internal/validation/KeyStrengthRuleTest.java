package io.gsk4j.internal.validation;

import static io.gsk4j.internal.validation.Chains.assertOnlyWeRefuse;
import static io.gsk4j.internal.validation.Chains.assertRefused;
import static io.gsk4j.internal.validation.Chains.assertValid;
import static io.gsk4j.internal.validation.Chains.judge;
import static io.gsk4j.internal.validation.Chains.strict;

import io.gsk4j.ValidationReason;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import org.junit.jupiter.api.Test;

/** BR 6.1.5 under STRICT: RSA and DSA keys of 2048 bits or more, in whole bytes, the anchor's too. */
class KeyStrengthRuleTest {
    private final Issued root = Chains.root();

    private static CertBuilder leaf() {
        return CertBuilder.server("CN=www.example.com", "www.example.com");
    }

    @Test
    void rsaKeysBelow2048Bits() {
        Issued weak = leaf().rsa(1024).issuedBy(root);
        assertOnlyWeRefuse(ValidationReason.WEAK_KEY, root, weak);
        assertValid(judge(Chains.RFC, root, weak));
        assertValid(strict(root, leaf().rsa(2048).issuedBy(root)));
    }

    @Test
    void rsaModulusNotAWholeNumberOfBytes() {
        Issued odd = leaf().rsa(2052).issuedBy(root);
        assertOnlyWeRefuse(ValidationReason.KEY_SIZE_NOT_MULTIPLE_OF_8, root, odd);
    }

    @Test
    void dsaKeys() {
        // BR 6.1.5 allows RSA and ECDSA only (x509-limbo webpki::forbidden-dsa-leaf)
        assertOnlyWeRefuse(ValidationReason.KEY_ALGORITHM_NOT_ALLOWED, root, leaf().dsa(1024).issuedBy(root));
        assertOnlyWeRefuse(ValidationReason.KEY_ALGORITHM_NOT_ALLOWED, root, leaf().dsa(2048).issuedBy(root));
        assertValid(judge(Chains.RFC, root, leaf().dsa(2048).issuedBy(root)));
    }

    @Test
    void theAnchorsKeyCountsToo() {
        Issued weakRoot = CertBuilder.ca("O=gsk4j tests,CN=Weak Root").rsa(1024).selfSigned();
        Issued leaf = Chains.server(weakRoot);
        assertOnlyWeRefuse(ValidationReason.WEAK_KEY, weakRoot, leaf);
        assertRefused(ValidationReason.WEAK_KEY, strict(weakRoot, leaf));
    }
}
