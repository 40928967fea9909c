package io.gsk4j.internal.validation;

import static io.gsk4j.internal.validation.Chains.assertOnlyWeRefuse;
import static io.gsk4j.internal.validation.Chains.assertRefused;
import static io.gsk4j.internal.validation.Chains.assertValid;
import static io.gsk4j.internal.validation.Chains.judge;
import static io.gsk4j.internal.validation.Chains.strict;

import io.gsk4j.ValidationReason;
import io.gsk4j.testpki.CertBuilder;
import io.gsk4j.testpki.CertBuilder.Issued;
import java.time.LocalDate;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.x509.Time;
import org.junit.jupiter.api.Test;

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050, seconds, Zulu, no fractions. */
class ValidityEncodingRuleTest {
    private static final String YESTERDAY = LocalDate.now().minusDays(1).toString().replace("-", "");
    private final Issued root = Chains.root();

    private static Time utc(String s) {
        return new Time(new ASN1UTCTime(s));
    }

    private static Time generalized(String s) {
        return new Time(new ASN1GeneralizedTime(s));
    }

    private static Time yesterdayUtc() {
        return utc(YESTERDAY.substring(2) + "000000Z");
    }

    private Issued leaf(Time from, Time to) {
        return CertBuilder.server("CN=www.example.com", "www.example.com").validity(from, to).issuedBy(root);
    }

    @Test
    void utcTimeBefore2050AndGeneralizedTimeAfterArePerfect() {
        assertValid(strict(root, leaf(yesterdayUtc(), utc("491231235959Z"))));
        assertValid(strict(root, leaf(yesterdayUtc(), generalized("20500101000000Z"))));
    }

    @Test
    void generalizedTimeForADateUtcTimeCanCarry() {
        Issued cert = leaf(generalized(YESTERDAY + "000000Z"), utc("351231235959Z"));
        assertOnlyWeRefuse(ValidationReason.VALIDITY_WRONG_TIME_TYPE, root, cert);
    }

    @Test
    void fractionalSeconds() {
        Issued cert = leaf(yesterdayUtc(), generalized("20510101000000.5Z"));
        assertOnlyWeRefuse(ValidationReason.VALIDITY_FRACTIONAL_SECONDS, root, cert);
    }

    @Test
    void utcTimeWithoutSecondsOrWithAnOffset() {
        assertOnlyWeRefuse(ValidationReason.VALIDITY_TIME_FORMAT, root, leaf(yesterdayUtc(), utc("3512312359Z")));
        assertOnlyWeRefuse(ValidationReason.VALIDITY_TIME_FORMAT, root, leaf(yesterdayUtc(), utc("351231235959+0100")));
    }

    @Test
    void theAnchorIsHeldToTheRuleOnlyUnderStrict() {
        Issued oddRoot = CertBuilder.ca("O=gsk4j tests,CN=Odd Root").validity(yesterdayUtc(), generalized("20400101000000Z")).selfSigned();
        Issued leaf = Chains.server(oddRoot);
        assertRefused(ValidationReason.VALIDITY_WRONG_TIME_TYPE, strict(oddRoot, leaf));
        assertValid(judge(Chains.RFC, oddRoot, leaf));
    }
}
