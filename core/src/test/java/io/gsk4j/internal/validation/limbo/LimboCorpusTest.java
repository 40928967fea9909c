package io.gsk4j.internal.validation.limbo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gsk4j.internal.certs.ChainVerdict;
import io.gsk4j.internal.validation.ValidationPolicy.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The x509-limbo corpus, every case, through the validator the handshake uses. Each profile is
 * judged on the cases it claims; the result must be exactly the disagreements listed (with the
 * reason each is accepted) in {@code known-disagreements.txt}, so any change of behaviour fails.
 * A summary goes to {@code target/limbo-results.txt}.
 */
class LimboCorpusTest {
    /** Namespaces the default (RFC 5280, GSKit-faithful) profile answers for, both ways. */
    private static final Set<String> DEFAULT_CLAIMS = Set.of("rfc5280", "pathlen", "crl", "cve", "pathological", "online", "invalid");
    private static final Duration PER_CASE = Duration.ofSeconds(5);
    private static final Path RESULTS = Path.of("target", "limbo-results.txt");

    private static List<LimboCase> cases;

    private static Path file;

    @BeforeAll
    static void readCorpus() throws IOException {
        file = LimboCorpus.location();
        if (Files.isRegularFile(file)) {
            cases = LimboCorpus.read(file);
            Files.deleteIfExists(RESULTS); // each run writes its own summary
        }
    }

    /** Per test, so that each shows as skipped, with the reason, when the corpus is absent. */
    @BeforeEach
    void corpusPresent() {
        assumeTrue(cases != null, "the x509-limbo corpus is not at " + file
                + " (set -D" + LimboCorpus.PROPERTY + "=path/to/limbo.json); the corpus test is skipped");
    }

    /** The default claims its namespaces both ways. */
    static boolean claimedByDefault(LimboCase c) {
        return DEFAULT_CLAIMS.contains(c.namespace());
    }

    /**
     * STRICT claims the web-PKI cases, the real sites, and every refusal the default claims except
     * where the corpus says the web PKI answers the other way (conflicts_with a webpki:: case).
     */
    static boolean claimedByStrict(LimboCase c) {
        return c.namespace().equals("webpki") || c.namespace().equals("online")
                || (claimedByDefault(c) && !c.expectSuccess() && c.conflicts().stream().noneMatch(x -> x.startsWith("webpki::")));
    }

    @Test
    void theCorpusIsWhole() {
        assertEquals(208, cases.size());
        long unparsable = cases.stream().filter(c -> c.unparsable() != null).count();
        assertTrue(unparsable < 10, unparsable + " cases do not parse");
    }

    @Test
    void theDefaultProfileAgreesOnItsCases() throws IOException {
        check(Profile.RFC5280, "DEFAULT", LimboCorpusTest::claimedByDefault);
    }

    @Test
    void theStrictProfileAgreesOnItsCases() throws IOException {
        check(Profile.STRICT, "STRICT", LimboCorpusTest::claimedByStrict);
    }

    @Test
    void theJdkProfileIsMeasuredOnly() throws IOException {
        Tally t = run(Profile.JDK, "JDK", c -> !c.namespace().equals("webpki"));
        assertEquals(cases.size(), t.total);
        assertTrue(t.claimed > 0);
    }

    private static void check(Profile profile, String label, Predicate<LimboCase> claimed) throws IOException {
        Tally t = run(profile, label, claimed);
        Set<String> known = known(label);
        Set<String> unexpected = new TreeSet<>(t.wrong.keySet());
        unexpected.removeAll(known);
        Set<String> gone = new TreeSet<>(known);
        gone.removeAll(t.wrong.keySet());
        StringBuilder why = new StringBuilder();
        for (String k : unexpected) {
            why.append("\n  new: ").append(k).append(" -> ").append(t.wrong.get(k));
        }
        for (String k : gone) {
            why.append("\n  now right (remove from known-disagreements.txt): ").append(k);
        }
        assertTrue(unexpected.isEmpty() && gone.isEmpty(), label + " disagreements changed:" + why);
    }

    /** Runs every case; those the profile claims are counted right or wrong. */
    private static Tally run(Profile profile, String label, Predicate<LimboCase> claimed) throws IOException {
        Tally t = new Tally();
        for (LimboCase c : cases) {
            ChainVerdict v = assertTimeoutPreemptively(PER_CASE, () -> LimboRunner.judge(c, profile), c.id());
            t.total++;
            if (!c.client()) {
                // the corpus README's reference figures: every server case, whatever its namespace
                t.serverWrongAccepts += v.ok() && !c.expectSuccess() ? 1 : 0;
                t.serverWrongRefusals += !v.ok() && c.expectSuccess() ? 1 : 0;
            }
            if (!claimed.test(c)) {
                continue;
            }
            t.claimed++;
            if (v.ok() && !c.expectSuccess()) {
                t.wrong.put(label + " accepts " + c.id(), "accepted");
                t.wrongAccepts++;
            } else if (!v.ok() && c.expectSuccess()) {
                t.wrong.put(label + " refuses " + c.id(), v.status() + " " + v.validationCode() + ": " + v.reason());
                t.wrongRefusals++;
            }
        }
        report(label, t);
        return t;
    }

    private static void report(String label, Tally t) throws IOException {
        Path out = RESULTS;
        Files.createDirectories(out.getParent());
        StringBuilder s = new StringBuilder();
        s.append(label).append(": claimed ").append(t.claimed).append(" of ").append(t.total)
                .append(", wrong accepts ").append(t.wrongAccepts).append(", wrong refusals ").append(t.wrongRefusals)
                .append("; over all server cases: wrong accepts ").append(t.serverWrongAccepts)
                .append(", wrong refusals ").append(t.serverWrongRefusals).append('\n');
        t.wrong.forEach((k, v) -> s.append("  ").append(k).append(" -> ").append(v).append('\n'));
        Files.writeString(out, s.toString(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Lines "PROFILE accepts|refuses id — why"; '#' comments. */
    private static Set<String> known(String label) throws IOException {
        Set<String> out = new TreeSet<>();
        try (InputStream in = LimboCorpusTest.class.getResourceAsStream("known-disagreements.txt")) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#") || !l.startsWith(label + " ")) {
                    continue;
                }
                int dash = l.indexOf(" — ");
                out.add((dash < 0 ? l : l.substring(0, dash)).strip());
            }
        }
        return out;
    }

    private static final class Tally {
        int total;
        int claimed;
        int wrongAccepts;
        int wrongRefusals;
        int serverWrongAccepts;
        int serverWrongRefusals;
        final TreeMap<String, String> wrong = new TreeMap<>();
    }
}
