package io.gsk4j.internal.validation;

import static io.gsk4j.internal.validation.Chains.assertRefused;
import static io.gsk4j.internal.validation.Chains.assertValid;
import static io.gsk4j.internal.validation.Chains.judge;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.ValidationReason;
import io.gsk4j.internal.validation.ValidationPolicy.Profile;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;

/** RFC 6125 §6 host-name matching, when the policy names a host. */
class HostnameRuleTest {
    private final Issued root = Chains.root();

    private void matches(Issued leaf, String host) {
        assertValid(judge(Chains.RFC.withExpectedHostname(host), root, leaf));
    }

    private void mismatch(Issued leaf, String host) {
        assertRefused(ValidationReason.HOSTNAME_MISMATCH, judge(Chains.RFC.withExpectedHostname(host), root, leaf));
    }

    private void invalid(Issued leaf, String host) {
        assertRefused(ValidationReason.HOSTNAME_INVALID, judge(Chains.RFC.withExpectedHostname(host), root, leaf));
    }

    private Issued san(String... names) {
        return CertBuilder.server("CN=ignored.example", names).issuedBy(root);
    }

    @Test
    void exactNamesCaseInsensitively() {
        Issued leaf = san("www.example.com", "API.Example.COM");
        matches(leaf, "www.example.com");
        matches(leaf, "WWW.EXAMPLE.COM");
        matches(leaf, "api.example.com");
        matches(leaf, "www.example.com."); // an absolute name is the same name
        mismatch(leaf, "example.com");
        mismatch(leaf, "www.example.co");
        mismatch(leaf, "ignored.example"); // the CN is not consulted when there is a SAN
    }

    @Test
    void wildcardsStandForExactlyOneLeftMostLabel() {
        Issued leaf = san("*.example.com");
        matches(leaf, "a.example.com");
        mismatch(leaf, "example.com");
        mismatch(leaf, "a.b.example.com");
    }

    @Test
    void noWildcardOverAPublicSuffix() {
        // these wildcards are refused as SAN syntax under STRICT, so judge them under RFC5280
        ValidationPolicy rfc = Chains.RFC;
        Issued cctld = CertBuilder.server("CN=x", "*.co.uk").issuedBy(root);
        assertRefused(ValidationReason.HOSTNAME_MISMATCH, judge(rfc.withExpectedHostname("bank.co.uk"), root, cctld));
        Issued hosting = CertBuilder.server("CN=x", "*.github.io").issuedBy(root);
        assertRefused(ValidationReason.HOSTNAME_MISMATCH, judge(rfc.withExpectedHostname("victim.github.io"), root, hosting));
        assertTrue(HostNames.matches("*.example.co.uk", "www.example.co.uk"));
        assertFalse(HostNames.matches("*.com", "example.com"));
    }

    @Test
    void theWholePublicSuffixListIncludingItsWildcardAndExceptionRules() {
        assertFalse(HostNames.matches("*.k12.ma.us", "school.k12.ma.us")); // a deep ICANN entry
        assertFalse(HostNames.matches("*.duckdns.org", "victim.duckdns.org")); // private section
        assertFalse(HostNames.matches("*.any.ck", "x.any.ck")); // "*.ck": every name under ck is a suffix
        assertTrue(HostNames.matches("*.www.ck", "x.www.ck")); // "!www.ck": the exception is registrable
        assertTrue(HostNames.matches("*.example.k12.ma.us", "a.example.k12.ma.us"));
    }

    @Test
    void partialWildcardsNeverMatch() {
        assertFalse(HostNames.matches("f*.example.com", "foo.example.com"));
        assertFalse(HostNames.matches("*oo.example.com", "foo.example.com"));
        assertFalse(HostNames.matches("www.*.com", "www.example.com"));
        assertFalse(HostNames.matches("*.*.example.com", "a.b.example.com"));
    }

    @Test
    void theCommonNameOnlyWithoutAnySanAndNeverUnderStrict() {
        Issued cnOnly = CertBuilder.server("CN=legacy.example.com").issuedBy(root);
        assertRefused(ValidationReason.HOSTNAME_MISMATCH, judge(Chains.STRICT.withExpectedHostname("legacy.example.com"), root, cnOnly));
        assertValid(judge(Chains.RFC.withExpectedHostname("legacy.example.com"), root, cnOnly));
        assertValid(judge(Chains.JDK.withExpectedHostname("legacy.example.com"), root, cnOnly));
        Issued mailSan = CertBuilder.server("CN=legacy.example.com")
                .sans(new GeneralName(GeneralName.rfc822Name, "ops@example.com")).issuedBy(root);
        assertRefused(ValidationReason.HOSTNAME_MISMATCH,
                judge(Chains.RFC.withExpectedHostname("legacy.example.com"), root, mailSan));
    }

    @Test
    void ipAddressesMatchAsAddresses() {
        Issued leaf = san("192.0.2.7", "2001:db8::1", "10.0.0.1.example.com");
        matches(leaf, "192.0.2.7");
        matches(leaf, "2001:db8:0:0:0:0:0:1");
        matches(leaf, "[2001:DB8::1]");
        mismatch(leaf, "192.0.2.8");
        mismatch(leaf, "::ffff:192.0.2.7"); // an IPv4-mapped IPv6 address is another address family
        Issued dnsLookalike = san("192.0.2.7.nip.io", "www.example.com");
        Issued ipAsDns = CertBuilder.server("CN=x").sans(new GeneralName(GeneralName.dNSName, "192.0.2.7")).issuedBy(root);
        mismatch(dnsLookalike, "192.0.2.7");
        assertRefused(ValidationReason.HOSTNAME_MISMATCH,
                judge(Chains.RFC.withExpectedHostname("192.0.2.7"), root, ipAsDns)); // a dNSName never names an address
    }

    @Test
    void trickyAddressSpellingsAreInvalid() {
        Issued leaf = san("127.0.0.1");
        for (String trick : new String[] {"127.1", "0x7f.0.0.1", "0x7f000001", "017.0.0.1", "127.000.000.001",
            "2130706433", "127.0.0.1.", "[127.0.0.1]", "::1%eth0", "1::2::3", "12345::1", "1:2:3:4:5:6:7:8:9"}) {
            invalid(leaf, trick);
        }
        invalid(leaf, "exa mple.com");
        invalid(leaf, "under-.example.com");
    }

    @Test
    void internationalNamesCompareAsALabels() {
        matches(san("xn--bcher-kva.example"), "bücher.example");
    }

    @Test
    void strictLiteralParsing() {
        assertArrayEquals(new byte[] {127, 0, 0, 1}, IpAddresses.parse("127.0.0.1"));
        assertNull(IpAddresses.parse("127.0.0.01"));
        assertNull(IpAddresses.parse("256.0.0.1"));
        assertArrayEquals(IpAddresses.parse("::1"), IpAddresses.parse("0000:0000:0000:0000:0000:0000:0000:0001"));
        assertArrayEquals(IpAddresses.parse("::ffff:10.0.0.1"), IpAddresses.parse("0:0:0:0:0:ffff:a00:1"));
        assertNull(IpAddresses.parse("10.0.0.1::"));
        assertNull(IpAddresses.parse("1:2:3:4:5:6:7::8:9"));
        assertTrue(IpAddresses.validRange(new byte[] {10, 0, 0, 0, (byte) 255, (byte) 240, 0, 0}));
        assertFalse(IpAddresses.validRange(new byte[] {10, 0, 0, 0, (byte) 255, 0, (byte) 255, 0}));
    }

    @Test
    void aHostCheckAppliesToEveryProfile() {
        Issued leaf = san("www.example.com");
        for (Profile p : Profile.values()) {
            assertRefused(ValidationReason.HOSTNAME_MISMATCH,
                    judge(Chains.STRICT.withProfile(p).withExpectedHostname("other.example.com"), root, leaf));
        }
    }
}
