package io.gsk4j.internal.validation;

import static io.gsk4j.internal.validation.Chains.assertOnlyWeRefuse;
import static io.gsk4j.internal.validation.Chains.assertValid;
import static io.gsk4j.internal.validation.Chains.judge;
import static io.gsk4j.internal.validation.Chains.strict;

import io.gsk4j.ValidationReason;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import org.junit.jupiter.api.Test;

/** BR 7.1.3.2 under STRICT: no SHA-1 signature below the trust anchor. */
class SignatureAlgorithmRuleTest {

    @Test
    void aSha1SignedLeaf() {
        Issued root = Chains.root();
        Issued leaf = CertBuilder.server("CN=www.example.com", "www.example.com").signatureAlgorithm("SHA1withECDSA").issuedBy(root);
        assertOnlyWeRefuse(ValidationReason.WEAK_SIGNATURE_ALGORITHM, root, leaf);
        assertValid(judge(Chains.RFC, root, leaf));
    }

    @Test
    void aSha1SignedIntermediateAndRsaPssWithSha1() {
        Issued root = CertBuilder.ca("O=gsk4j tests,CN=RSA Root").rsa(2048).selfSigned();
        Issued sha1 = CertBuilder.ca("O=gsk4j tests,CN=SHA-1 CA").signatureAlgorithm("SHA1withRSA").issuedBy(root);
        assertOnlyWeRefuse(ValidationReason.WEAK_SIGNATURE_ALGORITHM, root, Chains.server(sha1), sha1);
        Issued pss = CertBuilder.ca("O=gsk4j tests,CN=PSS SHA-1 CA").signatureAlgorithm("SHA1withRSAandMGF1").issuedBy(root);
        assertOnlyWeRefuse(ValidationReason.WEAK_SIGNATURE_ALGORITHM, root, Chains.server(pss), pss);
    }

    @Test
    void aSha1SelfSignatureOnTheAnchorIsFine() {
        Issued oldRoot = CertBuilder.ca("O=gsk4j tests,CN=Old SHA-1 Root").rsa(2048).signatureAlgorithm("SHA1withRSA").selfSigned();
        Issued inter = Chains.issuing(oldRoot);
        assertValid(strict(oldRoot, Chains.server(inter), inter));
    }
}
