package io.gsk4j.internal.validation;

import io.gsk4j.ValidationReason;
import java.security.cert.X509Certificate;

/**
 * RFC 5280 §4.1.2.5: dates through 2049 as UTCTime YYMMDDHHMMSSZ, dates from 2050 as
 * GeneralizedTime YYYYMMDDHHMMSSZ; seconds always present, always Zulu, never fractions.
 * The JDK parses all the looser forms, so these are read from the raw encoding.
 */
final class ValidityEncodingRule implements PathRule {
    @Override
    public Violation check(ValidationPath path) {
        for (int i = 0; i < path.size(); i++) {
            if (!path.contentChecked(i)) {
                continue;
            }
            X509Certificate c = path.cert(i);
            TbsFields tbs;
            try {
                tbs = TbsFields.of(c);
            } catch (TbsFields.Malformed e) {
                return Violation.of(ValidationReason.VALIDITY_TIME_FORMAT, c, "the validity cannot be read: " + e.getMessage());
            }
            Violation v = time(c, "notBefore", tbs.notBefore());
            if (v == null) {
                v = time(c, "notAfter", tbs.notAfter());
            }
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Violation time(X509Certificate c, String field, TbsFields.Time t) {
        String text = t.text();
        if (t.kind() == TbsFields.Kind.UTC_TIME) {
            if (!digits(text, 12) || text.length() != 13 || text.charAt(12) != 'Z') {
                return Violation.of(ValidationReason.VALIDITY_TIME_FORMAT, c, field + " is UTCTime \"" + text + "\", not YYMMDDHHMMSSZ");
            }
            return null; // two-digit years are 1950-2049 by definition
        }
        if (t.kind() == TbsFields.Kind.GENERALIZED_TIME) {
            if (text.length() > 14 && digits(text, 14) && text.charAt(14) == '.') {
                return Violation.of(ValidationReason.VALIDITY_FRACTIONAL_SECONDS, c, field + " is \"" + text + "\"");
            }
            if (!digits(text, 14) || text.length() != 15 || text.charAt(14) != 'Z') {
                return Violation.of(ValidationReason.VALIDITY_TIME_FORMAT, c,
                        field + " is GeneralizedTime \"" + text + "\", not YYYYMMDDHHMMSSZ");
            }
            int year = Integer.parseInt(text.substring(0, 4));
            if (year >= 1950 && year <= 2049) {
                return Violation.of(ValidationReason.VALIDITY_WRONG_TIME_TYPE, c,
                        field + " in " + year + " is GeneralizedTime; dates through 2049 are UTCTime");
            }
            return null;
        }
        return Violation.of(ValidationReason.VALIDITY_TIME_FORMAT, c, field + " is neither UTCTime nor GeneralizedTime");
    }

    private static boolean digits(String s, int count) {
        if (s.length() < count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }
}
