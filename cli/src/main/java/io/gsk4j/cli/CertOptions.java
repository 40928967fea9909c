package io.gsk4j.cli;

import io.gsk4j.cli.Choices.KeyType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What a new certificate and key look like: label, name, alternative names, key, validity. */
final class CertOptions {
    /** New certificates start an hour back, so a peer whose clock is a little behind accepts them. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    @Option(names = "--label", paramLabel = "LABEL", required = true, description = "The label (alias) of the new entry.")
    String label;

    @Option(names = "--dn", paramLabel = "DN", required = true,
            description = "Subject name, most specific first: \"CN=host.example.com,O=Example\" (a bare word is the CN).")
    String dn;

    @Option(names = "--san", paramLabel = "NAME",
            description = "Subject alternative name, repeatable or comma-separated: DNS:host, IP:10.0.0.1, email:a@b, URI:...;"
                    + " a bare value is an IP or DNS name. Default for server certificates: the CN.")
    List<String> sans = new ArrayList<>();

    @Option(names = "--key-type", paramLabel = "TYPE", defaultValue = "rsa-2048",
            description = "rsa-2048 (default, what DCM makes), rsa-3072, rsa-4096, ec-p256 or ec-p384.")
    KeyType keyType;

    @Option(names = "--valid-from", paramLabel = "DATE",
            description = "Start of validity, e.g. 2024-01-01 or 2024-01-01T12:00:00Z (useful to make test certificates"
                    + " that are expired or not yet valid). Default: now.")
    String validFrom;

    @Option(names = "--replace", description = "Replace an entry that already has this label.")
    boolean replace;

    X500Name subject(CommandLine cl) {
        try {
            return CertNames.dn(dn);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, "--dn '" + dn + "' is not a distinguished name: " + e.getMessage());
        }
    }

    /** The SANs given, or for server certificates the CN when none are given. */
    List<GeneralName> subjectAltNames(CommandLine cl, boolean server) {
        try {
            List<String> values = new ArrayList<>(sans);
            if (values.isEmpty() && server) {
                String cn = CertNames.commonName(dn);
                if (cn != null && !cn.contains(" ")) {
                    values.add(cn); // clients match host names against SANs, not the CN
                }
            }
            return CertNames.sans(values);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, "--san: " + e.getMessage());
        }
    }

    CertMaker.Validity validity(CommandLine cl, int days) {
        if (days < 1) {
            throw new ParameterException(cl, "--days must be at least 1");
        }
        Instant start;
        if (validFrom == null) {
            start = Instant.now().minus(BACKDATE);
        } else {
            try {
                start = validFrom.contains("T") ? Instant.parse(validFrom) : LocalDate.parse(validFrom).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new ParameterException(cl, "--valid-from '" + validFrom + "' is not a date like 2024-01-01");
            }
        }
        return new CertMaker.Validity(start, start.plus(Duration.ofDays(days)).plus(validFrom == null ? BACKDATE : Duration.ZERO));
    }
}
