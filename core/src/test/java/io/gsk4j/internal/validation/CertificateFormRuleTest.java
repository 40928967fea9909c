package io.gsk4j.internal.validation;

import static io.gsk4j.internal.validation.Chains.assertOnlyWeRefuse;
import static io.gsk4j.internal.validation.Chains.assertRefused;
import static io.gsk4j.internal.validation.Chains.assertValid;
import static io.gsk4j.internal.validation.Chains.judge;
import static io.gsk4j.internal.validation.Chains.strict;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gsk4j.ValidationReason;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** RFC 5280 §4.1.2.1 / §4.1.2.2, BR 7.1 / 7.1.1: versions and serial numbers. */
class CertificateFormRuleTest {
    private final Issued root = Chains.root();

    private static CertBuilder leaf() {
        return CertBuilder.server("CN=www.example.com", "www.example.com");
    }

    @Test
    void aVersion1IntermediateIsNoCa() {
        Issued v1 = CertBuilder.ca("O=gsk4j tests,CN=V1 CA").version1().issuedBy(root);
        Issued leaf = leaf().issuedBy(v1);
        assertRefused(ValidationReason.CA_NOT_VERSION_3, strict(root, leaf, v1));
        assertRefused(ValidationReason.CA_NOT_VERSION_3, judge(Chains.RFC, root, leaf, v1));
        assertFalse(judge(Chains.JDK, root, leaf, v1).ok(), "the JDK refuses it as well, without a reason of its own");
    }

    @Test
    void aVersion1RootIsRefusedUnderStrictOnly() {
        Issued v1Root = CertBuilder.ca("O=gsk4j tests,CN=V1 Root").version1().selfSigned();
        Issued leaf = leaf().issuedBy(v1Root);
        assertOnlyWeRefuse(ValidationReason.CA_NOT_VERSION_3, v1Root, leaf);
        assertValid(judge(Chains.RFC, v1Root, leaf));
    }

    @Test
    void aVersion1LeafIsRefusedUnderStrictOnly() {
        Issued v1Leaf = leaf().version1().issuedBy(root);
        assertOnlyWeRefuse(ValidationReason.NOT_VERSION_3, root, v1Leaf);
        assertValid(judge(Chains.RFC, root, v1Leaf));
    }

    @Test
    void zeroAndNegativeSerialsAreRefusedBelowTheAnchor() {
        Issued zero = leaf().serial(BigInteger.ZERO).issuedBy(root);
        Issued negative = leaf().serial(BigInteger.valueOf(-4711)).issuedBy(root);
        assertOnlyWeRefuse(ValidationReason.SERIAL_NOT_POSITIVE, root, zero);
        assertOnlyWeRefuse(ValidationReason.SERIAL_NOT_POSITIVE, root, negative);
        // RFC 5280 §4.1.2.2: "MUST be a positive integer" (x509-limbo rfc5280::serial::zero)
        assertRefused(ValidationReason.SERIAL_NOT_POSITIVE, judge(Chains.RFC, root, zero));
    }

    @Test
    void aTrustAnchorWithSerialZeroIsTrusted() {
        // as Starfield Root CA G2, which real public sites chain to
        Issued zeroRoot = CertBuilder.ca("O=gsk4j tests,CN=Serial Zero Root").serial(BigInteger.ZERO).selfSigned();
        Issued leaf = CertBuilder.server("CN=www.example.com", "www.example.com").issuedBy(zeroRoot);
        assertValid(judge(Chains.RFC, zeroRoot, leaf));
        assertValid(strict(zeroRoot, leaf));
    }

    @Test
    void serialsLongerThanTwentyOctets() {
        BigInteger twenty = BigInteger.ONE.shiftLeft(8 * 20 - 2); // 20 octets, positive
        BigInteger twentyOne = BigInteger.ONE.shiftLeft(8 * 20); // 21 octets
        assertValid(strict(root, leaf().serial(twenty).issuedBy(root)));
        Issued tooLong = leaf().serial(twentyOne).issuedBy(root);
        assertOnlyWeRefuse(ValidationReason.SERIAL_TOO_LONG, root, tooLong);
        assertRefused(ValidationReason.SERIAL_TOO_LONG, judge(Chains.RFC, root, tooLong));
    }
}
