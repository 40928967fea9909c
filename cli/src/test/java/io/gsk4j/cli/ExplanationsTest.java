package io.gsk4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.Errno;
import io.gsk4j.CertificateProblem;
import io.gsk4j.GskStatus;
import io.gsk4j.Party;
import io.gsk4j.StoreProblem;
import io.gsk4j.TlsAlert;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;
import java.time.Duration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The explanations table: complete for the conformance matrix, and specific where facts allow. */
class ExplanationsTest {
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| (GSK_\\w+|SSL_\\w+)[^|]*\\| (\\d+) \\|", Pattern.MULTILINE);
    private static final Pattern NOT_CLAIMED = Pattern.compile("`(GSK_\\w+)` \\((\\d+)\\)");

    /** Every status docs/CONFORMANCE.md claims (its table) or names as not claimed yet. */
    static Map<String, Integer> statusesOfTheConformanceMatrix() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "CONFORMANCE.md"));
        String statuses = doc.substring(doc.indexOf("## Statuses"), doc.indexOf("## Choices"));
        Map<String, Integer> out = new LinkedHashMap<>();
        Matcher row = TABLE_ROW.matcher(statuses);
        while (row.find()) {
            out.put(row.group(1), Integer.parseInt(row.group(2)));
        }
        int notClaimed = statuses.indexOf("Not claimed yet");
        if (notClaimed >= 0) {
            Matcher m = NOT_CLAIMED.matcher(statuses.substring(notClaimed));
            while (m.find()) {
                out.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        return out;
    }

    @Test
    void everyStatusOfTheConformanceMatrixHasAnExplanation() throws IOException {
        Map<String, Integer> claimed = statusesOfTheConformanceMatrix();
        assertTrue(claimed.size() >= 30, "the matrix was read: " + claimed);
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Integer> e : claimed.entrySet()) {
            GskStatus status = GskStatus.fromName(e.getKey()).orElseThrow(() -> new AssertionError("no status " + e.getKey()));
            assertEquals(status.code(), e.getValue(), e.getKey() + "'s number in the matrix");
            if (!Explanations.covered().contains(status)) {
                missing.add(e.getKey());
                continue;
            }
            for (boolean server : new boolean[] {false, true}) {
                Facts facts = Facts.generic();
                facts.server = server;
                Explanation x = Explanations.explain(status.code(), facts);
                assertFalse(x.what().isBlank() || x.fix().isBlank(), e.getKey());
                assertFalse(x.fix().startsWith("gsk4j has no specific advice"), e.getKey());
            }
        }
        assertEquals(List.of(), missing, "statuses of docs/CONFORMANCE.md without an explanation");
    }

    @Test
    void anUnexplainedNumberStillGetsTheLibrarysTextAndAPointer() {
        Facts facts = Facts.generic();
        facts.detail = "something odd";
        Explanation x = Explanations.explain(99999, facts);
        assertTrue(x.what().contains("Unknown GSKit return code 99999") && x.what().contains("something odd"), x.what());
        assertTrue(x.fix().contains("gsk4j codes"), x.fix());
    }

    @Test
    void anExpiredCertificateIsNamedWithItsDate() {
        Facts f = Facts.generic();
        f.now = Instant.parse("2026-03-01T00:00:00Z");
        f.chain = List.of(cert("CN=web", "CN=CA", "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
                cert("CN=CA", "CN=CA", "2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z"));
        Explanation x = Explanations.explain(GskStatus.GSK_KEYFILE_CERT_EXPIRED.code(), f);
        assertEquals("The server's certificate \"CN=web\" expired on 2026-01-01 00:00 UTC.", x.what());
        assertTrue(x.fix().startsWith("Renew it on the server"), x.fix());

        f.chain = List.of(cert("CN=web", "CN=CA", "2025-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
                cert("CN=CA", "CN=CA", "2020-01-01T00:00:00Z", "2026-02-01T00:00:00Z"));
        assertTrue(Explanations.explain(107, f).what().startsWith("The CA certificate \"CN=CA\" in the server's chain expired on 2026-02-01"));

        Facts notYet = Facts.generic();
        notYet.now = Instant.parse("2026-03-01T00:00:00Z");
        notYet.chain = List.of(cert("CN=web", "CN=CA", "2026-06-01T00:00:00Z", "2027-01-01T00:00:00Z"));
        assertTrue(Explanations.explain(107, notYet).fix().contains("Check the clock"), "not yet valid");

        // no chain to show, but the refusal's facts name the certificate and its date
        TestPki.Ca aliceCa = TestPki.rootCa("Alice CA", KeyType.EC_P256);
        Instant ended = Instant.parse("2025-05-05T00:00:00Z");
        TestPki.Credential alice = aliceCa.issue("alice", KeyType.EC_P256, ended.minus(Duration.ofDays(30)), ended, false, true);
        Facts fromProblem = Facts.generic();
        fromProblem.server = true;
        fromProblem.factsKnown = true;
        fromProblem.problem = new CertificateProblem(GskStatus.GSK_KEYFILE_CERT_EXPIRED, 107, null, "expired",
                alice.leaf(), List.of(alice.leaf()), List.of(alice.leaf()), aliceCa.certificate());
        assertEquals("The certificate \"CN=alice\" in the client's chain expired on 2025-05-05 00:00 UTC.",
                Explanations.explain(107, fromProblem).what());
        // an expired trust anchor in our own store is ours to replace
        fromProblem.problem = new CertificateProblem(GskStatus.GSK_KEYFILE_CERT_EXPIRED, 107, null, "expired",
                alice.leaf(), List.of(), List.of(), alice.leaf());
        assertTrue(Explanations.explain(107, fromProblem).what().startsWith("The trusted CA certificate \"CN=alice\""),
                Explanations.explain(107, fromProblem).what());
    }

    @Test
    void anUntrustedRootNamesTheCaAndTheStore() {
        Facts f = Facts.generic();
        f.store = "/etc/trust.p12";
        f.chain = List.of(cert("CN=web", "CN=Corp Issuing CA", "2025-01-01T00:00:00Z", "2030-01-01T00:00:00Z"));
        Explanation x = Explanations.explain(6000, f);
        assertEquals("The server's certificate chain ends at \"CN=Corp Issuing CA\", a CA that the store /etc/trust.p12 does not trust.",
                x.what());
        assertTrue(x.fix().contains("gsk4j store import --store /etc/trust.p12 --trusted"), x.fix());

        f.pemStore = true;
        assertTrue(Explanations.explain(6000, f).fix().contains("cat ca.pem >> /etc/trust.p12"), "PEM stores are appended to");

        Facts self = Facts.generic();
        self.chain = List.of(cert("CN=box", "CN=box", "2025-01-01T00:00:00Z", "2030-01-01T00:00:00Z"));
        assertTrue(Explanations.explain(6000, self).what().contains("is self-signed"));

        Facts alert = Facts.generic();
        alert.server = true;
        alert.factsKnown = true;
        alert.alertReceived = TlsAlert.UNKNOWN_CA;
        alert.refusedBy = Party.PEER;
        assertTrue(Explanations.explain(6000, alert).what().startsWith("The client does not trust this server's certificate"));
        // the same status without the alert is about the partner's chain: the fact decides, not the words
        Facts ours = Facts.generic();
        ours.server = true;
        ours.detail = "the peer sent the fatal alert unknown_ca";
        assertTrue(Explanations.explain(6000, ours).what().startsWith("The client's certificate chain"),
                Explanations.explain(6000, ours).what());

        Facts systemStore = new Facts();
        systemStore.home = "/home/me/.gsk4j";
        assertTrue(Explanations.explain(6000, systemStore).what().contains("the *SYSTEM store (/home/me/.gsk4j/system.p12)"));
    }

    @Test
    void aStoreProblemIsExplainedFromItsKindNotFromTheSentence() {
        Facts f = Facts.generic();
        f.stage = Facts.Stage.ENVIRONMENT;
        f.factsKnown = true;
        f.detail = "words that say nothing the explanation reads";
        f.store = "/data/keys.kdb";
        f.storeProblem = StoreProblem.UNKNOWN_FORMAT;
        assertTrue(Explanations.explain(202, f).what().contains("IBM CMS key database"), Explanations.explain(202, f).what());
        f.store = "/data/keys.bin";
        assertTrue(Explanations.explain(202, f).what().startsWith("The file /data/keys.bin is not a store gsk4j can read"),
                Explanations.explain(202, f).what());
        f.storeProblem = StoreProblem.NOT_A_FILE;
        assertEquals("The store /data/keys.bin is a directory, not a file.", Explanations.explain(202, f).what());
        f.storeProblem = StoreProblem.STASH_MISSING;
        assertTrue(Explanations.explain(202, f).what().startsWith("The stash file does not exist"));
        f.storeProblem = StoreProblem.MISSING;
        assertEquals("The store /data/keys.bin does not exist.", Explanations.explain(202, f).what());
    }

    @Test
    void theOperatingSystemsBundleIsNeverEditedByHand() {
        Facts f = Facts.generic();
        f.store = "/etc/ssl/certs/ca-certificates.crt";
        f.pemStore = true;
        f.chain = List.of(cert("CN=web", "CN=Corp Root", "2025-01-01T00:00:00Z", "2030-01-01T00:00:00Z"),
                cert("CN=Corp Root", "CN=Corp Root", "2025-01-01T00:00:00Z", "2030-01-01T00:00:00Z"));
        String fix = Explanations.explain(6000, f).fix();
        assertFalse(fix.contains("cat ca.pem >>"), fix);
        assertTrue(fix.contains("update-ca-certificates"), fix);
    }

    @Test
    void noCommonCipherSaysWhatToEnable() {
        Facts f = Facts.generic();
        f.offered.put("TLS 1.3", List.of("TLS_AES_128_GCM_SHA256"));
        f.accepted = new LinkedHashMap<>();
        f.accepted.put("TLS 1.2", List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
        Explanation x = Explanations.explain(402, f);
        assertEquals("No cipher suite in common with the server: you offered TLS 1.3: TLS_AES_128_GCM_SHA256; the server accepts"
                + " TLS 1.2: TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384.", x.what());
        assertTrue(x.fix().contains("--tls12-ciphers TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (GSK_TLSV12_CIPHER_SPECS_EX)"), x.fix());

        Facts init = Facts.generic();
        init.stage = Facts.Stage.ENVIRONMENT;
        assertTrue(Explanations.explain(402, init).fix().contains("TLS 1.3: TLS_AES_128_GCM_SHA256"), "lists usable suites");
    }

    @Test
    void connectionFailuresAreExplainedWithoutAStatus() {
        Facts refused = Facts.generic();
        refused.peer = "db.example:992";
        refused.errno = Errno.ECONNREFUSED;
        assertEquals("Nothing accepts connections on db.example:992: the connection was refused.",
                Explanations.connectFailure(refused).what());
        Facts unknown = Facts.generic();
        unknown.host = "no.such.host";
        unknown.unknownHost = true;
        assertEquals("The host name \"no.such.host\" cannot be resolved.", Explanations.connectFailure(unknown).what());
    }

    @Test
    void aNamedValidationRuleIsNamed() {
        Facts f = Facts.generic();
        f.validationCode = 575032; // REVOKED
        assertTrue(Explanations.explain(8, f).what().contains("is revoked"));
        f.validationCode = 576001; // CHAIN_TOO_LONG
        assertTrue(Explanations.explain(8, f).fix().contains("--max-chain-depth"));
        assertEquals("GSKVAL_ERROR_REVOKED_CERT", ValidationCodes.name(575032));
        assertEquals("GSK_IBMI_ERROR_NOT_TRUSTED_ROOT", ValidationCodes.name(6000));
    }

    @Test
    void revocationLooseningAndCrlFilesAreExplainedAsTheLibraryNowBehaves() {
        Facts revoked = Facts.generic();
        revoked.validationCode = 575032;
        String what = Explanations.explain(8, revoked).what();
        assertTrue(what.contains("certificate revocation list") && what.contains("OCSP"), what);

        // RFC5280 is the default profile: the looser one to propose is JDK, never rfc5280
        Facts rule = Facts.generic();
        rule.validationCode = 576011; // AKI_MISSING
        String fix = Explanations.explain(8, rule).fix();
        assertTrue(fix.contains("--validation-profile jdk"), fix);
        assertFalse(fix.contains("--validation-profile rfc5280"), fix);
        rule.profile = "strict";
        assertTrue(Explanations.explain(8, rule).fix().contains("without it gsk4j judges by RFC 5280"),
                Explanations.explain(8, rule).fix());
        rule.profile = "jdk";
        assertFalse(Explanations.explain(8, rule).fix().contains("--validation-profile"), Explanations.explain(8, rule).fix());

        Facts crl = Facts.generic();
        crl.stage = Facts.Stage.ENVIRONMENT;
        assertTrue(Explanations.explain(6018, crl).what().contains("GSK4J_CRL_FILES"), Explanations.explain(6018, crl).what());

        // protocol switches are recorded, never refused: a setter failing on one gets no "refuses to switch it on"
        Facts setter = Facts.generic();
        setter.stage = Facts.Stage.SETUP;
        setter.attribute = "GSK_PROTOCOL_TLSV10";
        assertFalse(Explanations.explain(412, setter).what().contains("refuses to switch"), Explanations.explain(412, setter).what());
    }

    @Test
    void strerrorAddsTheGeneralExplanation() {
        Cli.Run r = Cli.run("strerror", "6000");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("6000 GSK_IBMI_ERROR_NOT_TRUSTED_ROOT: "), r.out());
        assertTrue(r.out().contains("likely cause"), r.out());
        assertTrue(r.out().contains("fix"), r.out());
    }

    private static CertSummary cert(String subject, String issuer, String from, String to) {
        return new CertSummary(subject, issuer, Instant.parse(from), Instant.parse(to), "EC 256 bits", List.of(), "AA:BB", false);
    }
}
