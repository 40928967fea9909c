package io.gsk4j.internal.validation;

import static io.gsk4j.internal.validation.Chains.assertOnlyWeRefuse;
import static io.gsk4j.internal.validation.Chains.assertRefused;
import static io.gsk4j.internal.validation.Chains.assertValid;
import static io.gsk4j.internal.validation.Chains.judge;
import static io.gsk4j.internal.validation.Chains.rfc;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.gsk4j.ValidationReason;
import io.gsk4j.internal.certs.ChainValidator;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.junit.jupiter.api.Test;

/** RFC 5280 §4.2.1.10 name constraints, on intermediates and on the trust anchor itself. */
class NameConstraintsRuleTest {
    private final Issued root = Chains.root();

    private static GeneralSubtree[] dns(String... names) {
        GeneralSubtree[] out = new GeneralSubtree[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = new GeneralSubtree(new GeneralName(GeneralName.dNSName, names[i]));
        }
        return out;
    }

    private static GeneralSubtree ip(int... addressAndMask) {
        byte[] b = new byte[addressAndMask.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) addressAndMask[i];
        }
        return new GeneralSubtree(new GeneralName(GeneralName.iPAddress, new DEROctetString(b)));
    }

    private static GeneralSubtree email(String s) {
        return new GeneralSubtree(new GeneralName(GeneralName.rfc822Name, s));
    }

    private static GeneralSubtree dir(String dn) {
        return new GeneralSubtree(new GeneralName(new X500Name(BCStyle.INSTANCE, dn)));
    }

    private Issued constrained(GeneralSubtree[] permitted, GeneralSubtree[] excluded) {
        return CertBuilder.ca("O=gsk4j tests,CN=Constrained CA").nameConstraints(permitted, excluded).issuedBy(root);
    }

    private static Issued leaf(Issued ca, String... sans) {
        return CertBuilder.server("CN=leaf", sans).issuedBy(ca);
    }

    @Test
    void anIntermediatesCommonNameIsNoDnsName() {
        // RFC 5280 §4.2.1.10: dNSName constraints apply to dNSNames; the JDK's PKIX also tries an
        // intermediate's CN, and gsk4j then asks BouncyCastle's validator (x509-limbo
        // rfc5280::nc::nc-forbids-alternate-chain-ica)
        Issued ca = constrained(dns("permitted.example.com"), null);
        Issued below = CertBuilder.ca("CN=an-intermediate").issuedBy(ca);
        Issued leaf = CertBuilder.server("CN=permitted.example.com", "permitted.example.com").issuedBy(below);
        assertValid(rfc(root, leaf, below, ca));
        assertValid(Chains.strict(root, leaf, below, ca));
        // the JDK profile is the JDK's judgement alone
        org.junit.jupiter.api.Assertions.assertFalse(judge(Chains.JDK, root, leaf, below, ca).ok());
    }

    @Test
    void permittedDnsSubtrees() {
        Issued ca = constrained(dns("example.com"), null);
        assertValid(rfc(root, leaf(ca, "example.com", "www.example.com", "A.B.EXAMPLE.COM", "*.example.com"), ca));
        assertRefused(ValidationReason.NAME_NOT_PERMITTED, rfc(root, leaf(ca, "www.example.com", "www.example.org"), ca));
        assertRefused(ValidationReason.NAME_NOT_PERMITTED, rfc(root, leaf(ca, "badexample.com"), ca));
    }

    @Test
    void excludedDnsSubtreesAndWildcardsThatReachIntoThem() {
        Issued ca = constrained(dns("example.com"), dns("secret.example.com"));
        assertValid(rfc(root, leaf(ca, "www.example.com", "*.public.example.com"), ca));
        assertRefused(ValidationReason.NAME_EXCLUDED, rfc(root, leaf(ca, "secret.example.com"), ca));
        assertRefused(ValidationReason.NAME_EXCLUDED, rfc(root, leaf(ca, "x.SECRET.example.com"), ca));
        // "*.example.com" stands for "secret.example.com" too
        assertRefused(ValidationReason.NAME_EXCLUDED, rfc(root, leaf(ca, "*.example.com"), ca));
    }

    @Test
    void aWildcardIsPermittedOnlyWhenEveryNameItStandsForIs() {
        Issued ca = constrained(dns("www.example.com"), null);
        assertRefused(ValidationReason.NAME_NOT_PERMITTED, rfc(root, leaf(ca, "*.example.com"), ca));
    }

    @Test
    void theTrustAnchorsOwnConstraintsApply() {
        Issued constrainedRoot = CertBuilder.ca("O=gsk4j tests,CN=Constrained Root")
                .nameConstraints(dns("example.com"), null).selfSigned();
        Issued inter = Chains.issuing(constrainedRoot);
        assertValid(rfc(constrainedRoot, leaf(inter, "www.example.com"), inter));
        // the JDK takes a trust anchor's certificate without its name constraints
        assertOnlyWeRefuse(ValidationReason.NAME_NOT_PERMITTED, constrainedRoot, leaf(inter, "www.example.org"), inter);
        assertRefused(ValidationReason.NAME_NOT_PERMITTED,
                judge(Chains.RFC, constrainedRoot, leaf(inter, "www.example.org"), inter));
    }

    /** An anchor's constraints are decoded once per validator (issue 16) and hold for every validation it makes. */
    @Test
    void anAnchorsConstraintsDecodedInAdvanceJudgeEveryChain() {
        Issued constrainedRoot = CertBuilder.ca("O=gsk4j tests,CN=Constrained Root")
                .nameConstraints(dns("example.com"), null).selfSigned();
        Issued inter = Chains.issuing(constrainedRoot);
        ChainValidator once = new ChainValidator(List.of(constrainedRoot.cert()));
        for (int round = 0; round < 2; round++) {
            assertValid(once.validate(Chains.certs(leaf(inter, "www.example.com"), inter), new Date(), Chains.RFC));
            assertRefused(ValidationReason.NAME_NOT_PERMITTED,
                    once.validate(Chains.certs(leaf(inter, "www.example.org"), inter), new Date(), Chains.RFC));
            assertRefused(ValidationReason.NAME_NOT_PERMITTED,
                    once.validate(Chains.certs(leaf(inter, "www.example.org"), inter), new Date(), Chains.STRICT));
        }
        Issued malformedRoot = CertBuilder.ca("O=gsk4j tests,CN=Malformed Root")
                .nameConstraints(dns("*.example.com"), null).selfSigned();
        Issued below = Chains.issuing(malformedRoot);
        ChainValidator refusing = new ChainValidator(List.of(malformedRoot.cert()));
        for (int round = 0; round < 2; round++) {
            assertRefused(ValidationReason.NAME_CONSTRAINTS_MALFORMED,
                    refusing.validate(Chains.certs(leaf(below, "a.example.com"), below), new Date(), Chains.RFC));
        }
    }

    @Test
    void ipv4AndIpv6Ranges() {
        Issued ca = constrained(new GeneralSubtree[] {ip(10, 0, 0, 0, 255, 0, 0, 0),
            ip(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)},
                new GeneralSubtree[] {ip(10, 9, 0, 0, 255, 255, 0, 0)});
        assertValid(rfc(root, leaf(ca, "10.1.2.3", "2001:db8::1"), ca));
        assertRefused(ValidationReason.NAME_NOT_PERMITTED, rfc(root, leaf(ca, "192.168.1.1"), ca));
        assertRefused(ValidationReason.NAME_NOT_PERMITTED, rfc(root, leaf(ca, "2001:db9::1"), ca));
        assertRefused(ValidationReason.NAME_EXCLUDED, rfc(root, leaf(ca, "10.9.8.7"), ca));
    }

    @Test
    void emailAddressesInTheSanAndInTheSubject() {
        Issued ca = constrained(new GeneralSubtree[] {email("example.com"), email(".example.org"), email("ceo@example.net")}, null);
        assertValid(rfc(root, client(ca, "alice@example.com"), ca));
        assertValid(rfc(root, client(ca, "bob@mail.example.org"), ca));
        assertValid(rfc(root, client(ca, "ceo@EXAMPLE.net"), ca));
        assertRefused(ValidationReason.NAME_NOT_PERMITTED, rfc(root, client(ca, "bob@mail.example.com"), ca));
        assertRefused(ValidationReason.NAME_NOT_PERMITTED, rfc(root, client(ca, "carol@example.org"), ca));
        assertRefused(ValidationReason.NAME_NOT_PERMITTED, rfc(root, client(ca, "CEO@example.net"), ca));
        Issued inSubject = CertBuilder.server("CN=leaf,E=mallory@evil.test", "www.example.com").issuedBy(ca);
        assertRefused(ValidationReason.NAME_NOT_PERMITTED, rfc(root, inSubject, ca));
    }

    private static Issued client(Issued ca, String mail) {
        return CertBuilder.server("CN=mail user", "www.example.com")
                .sans(new GeneralName(GeneralName.rfc822Name, mail)).issuedBy(ca);
    }

    @Test
    void directoryNames() {
        Issued ca = constrained(new GeneralSubtree[] {dir("C=US,O=Example")}, new GeneralSubtree[] {dir("C=US,O=Example,OU=Secret")});
        Issued good = CertBuilder.server("C=US,O=Example,CN=www", "www.example.com").issuedBy(ca);
        Issued outside = CertBuilder.server("C=US,O=Other,CN=www", "www.example.com").issuedBy(ca);
        Issued excluded = CertBuilder.server("C=US,O=Example,OU=Secret,CN=www", "www.example.com").issuedBy(ca);
        assertValid(rfc(root, good, ca));
        assertRefused(ValidationReason.NAME_NOT_PERMITTED, rfc(root, outside, ca));
        assertRefused(ValidationReason.NAME_EXCLUDED, rfc(root, excluded, ca));
    }

    @Test
    void theCommonNameCountsWhenItIsTheOnlyName() {
        Issued ca = constrained(dns("example.com"), null);
        Issued cnOnly = CertBuilder.server("CN=www.evil.test").issuedBy(ca);
        Issued cnAndSan = CertBuilder.server("CN=www.evil.test", "www.example.com").issuedBy(ca);
        assertRefused(ValidationReason.NAME_NOT_PERMITTED, rfc(root, cnOnly, ca));
        assertValid(rfc(root, cnAndSan, ca)); // with a SAN, no client reads the CN as a name
        Issued ipCa = constrained(new GeneralSubtree[] {ip(10, 0, 0, 0, 255, 0, 0, 0)}, null);
        assertRefused(ValidationReason.NAME_NOT_PERMITTED, rfc(root, CertBuilder.server("CN=192.168.0.1").issuedBy(ipCa), ipCa));
    }

    @Test
    void malformedConstraintsAreRefused() {
        Issued wildcard = constrained(dns("*.example.com"), null);
        assertRefused(ValidationReason.NAME_CONSTRAINTS_MALFORMED, rfc(root, leaf(wildcard, "a.example.com"), wildcard));
        Issued leadingDot = constrained(dns(".example.com"), null);
        assertRefused(ValidationReason.NAME_CONSTRAINTS_MALFORMED, rfc(root, leaf(leadingDot, "a.example.com"), leadingDot));
        // the JDK will not even parse this one when it is critical: non-critical, it reaches us
        Issued fiveOctets = CertBuilder.ca("O=gsk4j tests,CN=Constrained CA").extension(Extension.nameConstraints, false,
                new org.bouncycastle.asn1.x509.NameConstraints(new GeneralSubtree[] {ip(10, 0, 0, 0, 255)}, null)).issuedBy(root);
        assertRefused(ValidationReason.NAME_CONSTRAINTS_MALFORMED, judge(Chains.STRICT, root, leaf(fiveOctets, "10.0.0.1"), fiveOctets));
        assertRefused(ValidationReason.NAME_CONSTRAINTS_NOT_CRITICAL, rfc(root, leaf(fiveOctets, "10.0.0.1"), fiveOctets));
        Issued holeyMask = constrained(new GeneralSubtree[] {ip(10, 0, 0, 0, 255, 0, 255, 0)}, null);
        assertRefused(ValidationReason.NAME_CONSTRAINTS_MALFORMED, rfc(root, leaf(holeyMask, "10.0.0.1"), holeyMask));
        Issued badMail = constrained(new GeneralSubtree[] {email("a@b@example.com")}, null);
        assertRefused(ValidationReason.NAME_CONSTRAINTS_MALFORMED, rfc(root, leaf(badMail, "www.example.com"), badMail));
        // an asterisk is no wildcard in a constraint, just a character (x509-limbo rfc5280::nc::nc-permits-email-literal-*)
        Issued literal = constrained(new GeneralSubtree[] {email("*@example.com")}, null);
        assertValid(rfc(root, leaf(literal, "www.example.com"), literal));
        Issued empty = CertBuilder.ca("O=gsk4j tests,CN=Empty NC").rawExtension(Extension.nameConstraints, true,
                new byte[] {0x30, 0x00}).issuedBy(root);
        assertRefused(ValidationReason.NAME_CONSTRAINTS_MALFORMED, rfc(root, leaf(empty, "www.example.com"), empty));
    }

    @Test
    void minimumAndMaximumAreRefused() {
        GeneralName base = new GeneralName(GeneralName.dNSName, "example.com");
        Issued min = constrained(new GeneralSubtree[] {new GeneralSubtree(base, BigInteger.ONE, null)}, null);
        assertRefused(ValidationReason.NAME_CONSTRAINTS_MINIMUM_NOT_ZERO, rfc(root, leaf(min, "www.example.com"), min));
        Issued max = constrained(new GeneralSubtree[] {new GeneralSubtree(base, BigInteger.ZERO, BigInteger.TEN)}, null);
        assertRefused(ValidationReason.NAME_CONSTRAINTS_MAXIMUM_PRESENT, rfc(root, leaf(max, "www.example.com"), max));
    }

    @Test
    void anEndEntityWithNameConstraintsIsRefused() {
        Issued ca = Chains.issuing(root);
        Issued leafWithNc = CertBuilder.server("CN=www.example.com", "www.example.com")
                .nameConstraints(dns("example.com"), null).issuedBy(ca);
        assertRefused(ValidationReason.NAME_CONSTRAINTS_IN_LEAF, rfc(root, leafWithNc, ca));
    }

    @Test
    void aConstrainedFormGsk4jCannotCheckRefusesOnlyWhenUsed() {
        GeneralSubtree uri = new GeneralSubtree(new GeneralName(GeneralName.uniformResourceIdentifier, ".example.com"));
        Issued ca = constrained(new GeneralSubtree[] {uri}, null);
        assertValid(rfc(root, leaf(ca, "www.example.com"), ca));
        Issued withUri = CertBuilder.server("CN=leaf", "www.example.com")
                .sans(new GeneralName(GeneralName.dNSName, "www.example.com"),
                        new GeneralName(GeneralName.uniformResourceIdentifier, "https://www.example.com/"))
                .issuedBy(ca);
        assertRefused(ValidationReason.UNSUPPORTED_NAME_CONSTRAINT, rfc(root, withUri, ca));
    }

    @Test
    void thousandsOfNamesAndConstraintsAreRefusedQuickly() {
        String[] subtrees = new String[400];
        String[] names = new String[400];
        for (int i = 0; i < subtrees.length; i++) {
            subtrees[i] = "zone" + i + ".example.com";
            names[i] = "host" + i + ".zone" + (subtrees.length - 1) + ".example.com";
        }
        Issued ca = constrained(dns(subtrees), null);
        Issued heavy = leaf(ca, names);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                assertRefused(ValidationReason.NAME_CONSTRAINTS_TOO_COMPLEX, rfc(root, heavy, ca)));
        // below the bound the same shapes are checked in full
        assertValid(rfc(root, leaf(ca, java.util.Arrays.copyOf(names, 100)), ca));
    }
}
