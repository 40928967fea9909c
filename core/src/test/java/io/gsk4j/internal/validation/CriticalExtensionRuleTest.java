package io.gsk4j.internal.validation;

import static io.gsk4j.internal.validation.Chains.assertRefused;
import static io.gsk4j.internal.validation.Chains.assertValid;
import static io.gsk4j.internal.validation.Chains.judge;
import static io.gsk4j.internal.validation.Chains.strict;

import io.gsk4j.ValidationReason;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.junit.jupiter.api.Test;

/** RFC 5280 §4.2: an unknown critical extension anywhere in the path refuses it. */
class CriticalExtensionRuleTest {
    private static final ASN1ObjectIdentifier PRIVATE = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1");
    private final Issued root = Chains.root();

    @Test
    void inTheLeafAndInAnIntermediate() {
        Issued leaf = CertBuilder.server("CN=www.example.com", "www.example.com")
                .extension(PRIVATE, true, new DERUTF8String("must understand")).issuedBy(root);
        assertRefused(ValidationReason.UNKNOWN_CRITICAL_EXTENSION, strict(root, leaf));
        KeyIdentifierRuleTest.assertGenericJdkRefusal(judge(Chains.JDK, root, leaf));
        Issued inter = CertBuilder.ca("O=gsk4j tests,CN=Odd CA").extension(PRIVATE, true, new DERUTF8String("x")).issuedBy(root);
        assertRefused(ValidationReason.UNKNOWN_CRITICAL_EXTENSION, judge(Chains.RFC, root, Chains.server(inter), inter));
    }

    @Test
    void nonCriticalUnknownExtensionsAreFine() {
        Issued leaf = CertBuilder.server("CN=www.example.com", "www.example.com")
                .extension(PRIVATE, false, new DERUTF8String("ignore me")).issuedBy(root);
        assertValid(strict(root, leaf));
    }

    @Test
    void inTheTrustAnchor() {
        Issued oddRoot = CertBuilder.ca("O=gsk4j tests,CN=Odd Root").extension(PRIVATE, true, new DERUTF8String("x")).selfSigned();
        Issued leaf = Chains.server(oddRoot);
        assertRefused(ValidationReason.UNKNOWN_CRITICAL_EXTENSION, strict(oddRoot, leaf));
        // x509-limbo rfc5280::unknown-critical-extension-root
        assertRefused(ValidationReason.UNKNOWN_CRITICAL_EXTENSION, judge(Chains.RFC, oddRoot, leaf));
        assertValid(judge(Chains.JDK, oddRoot, leaf));
    }
}
