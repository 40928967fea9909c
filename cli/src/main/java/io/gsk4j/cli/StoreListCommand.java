package io.gsk4j.cli;

import java.io.PrintWriter;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gsk4j store list}: every entry by label, with its kind, validity and subject; the default key marked. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists the store's entries: label, kind (key or trusted), validity, subject. '*' marks the default"
                + " key, the one GSKit uses without GSK_KEYRING_LABEL (the <store>.label sidecar, or the only key).",
            "With --check the exit code is for monitoring scripts: 1 when any entry, or any certificate in a key's chain,"
                + " has expired or expires within --days N days (default 30), else 0."})
final class StoreListCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--json", description = "Print the entries as one JSON object (schemaVersion " + SCHEMA_VERSION + ").")
    boolean json;

    @Option(names = "--check", description = "Exit 1 when something expires within --days (for monitoring).")
    boolean check;

    @Option(names = "--days", paramLabel = "N", defaultValue = "30", description = "The --check horizon in days. Default: ${DEFAULT-VALUE}.")
    int days;

    /** Raised when a field changes meaning or goes away; new fields do not raise it. */
    static final int SCHEMA_VERSION = 1;

    @Spec
    CommandSpec spec;

    /** One entry as listed. */
    record Entry(String label, boolean key, boolean isDefault, X509Certificate cert, int chainLength, Instant chainExpiry) {
        /** Whether the entry (or a certificate of its chain) is expired or expires before {@code horizon}. */
        boolean expiresBefore(Instant horizon) {
            return chainExpiry.isBefore(horizon);
        }

        String state(Instant now) {
            if (now.isAfter(cert.getNotAfter().toInstant())) {
                return "EXPIRED";
            }
            return now.isBefore(cert.getNotBefore().toInstant()) ? "NOT YET VALID" : "valid";
        }
    }

    @Override
    public Integer call() throws CommandFailure {
        if (days < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--days must be 0 or more");
        }
        StoreOptions.Opened opened = store.open(spec.commandLine());
        Arrays.fill(opened.password(), '\0');
        List<Entry> entries = entries(opened.keyStore());
        String type = KeyStoreFile.typeOf(store.store).word();
        PrintWriter out = spec.commandLine().getOut();
        Instant horizon = Instant.now().plus(java.time.Duration.ofDays(days));
        List<Entry> expiring = entries.stream().filter(e -> e.expiresBefore(horizon)).toList();
        if (json) {
            out.println(Json.write(toJson(type, entries, expiring)));
        } else {
            print(out, type, entries);
            if (check) {
                printCheck(out, expiring);
            }
        }
        out.flush();
        return check && !expiring.isEmpty() ? Main.FAILURE : 0;
    }

    private List<Entry> entries(KeyStore ks) throws CommandFailure {
        try {
            List<String> aliases = Collections.list(ks.aliases());
            Collections.sort(aliases);
            List<String> keys = aliases.stream().filter(a -> isKey(ks, a)).toList();
            String sidecar = StoreEntries.sidecarLabel(store.store);
            String defaultKey = sidecar != null ? keys.stream().filter(k -> k.equalsIgnoreCase(sidecar)).findFirst().orElse(null)
                    : keys.size() == 1 ? keys.get(0) : null;
            List<Entry> out = new ArrayList<>();
            for (String alias : aliases) {
                boolean key = ks.isKeyEntry(alias);
                Certificate[] chain = key ? ks.getCertificateChain(alias) : null;
                Certificate c = ks.getCertificate(alias);
                if (c instanceof X509Certificate x) {
                    Instant expiry = x.getNotAfter().toInstant();
                    for (Certificate link : chain == null ? new Certificate[0] : chain) {
                        Instant end = ((X509Certificate) link).getNotAfter().toInstant();
                        expiry = end.isBefore(expiry) ? end : expiry;
                    }
                    out.add(new Entry(alias, key, alias.equals(defaultKey), x, chain == null ? 1 : chain.length, expiry));
                }
            }
            return out;
        } catch (KeyStoreException e) {
            throw new CommandFailure("cannot list " + store.store + ": " + e.getMessage(), e);
        }
    }

    private static boolean isKey(KeyStore ks, String alias) {
        try {
            return ks.isKeyEntry(alias);
        } catch (KeyStoreException e) {
            return false;
        }
    }

    private void print(PrintWriter out, String type, List<Entry> entries) {
        out.println(store.store + ": " + type + " store, " + entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies"));
        if (entries.isEmpty()) {
            return;
        }
        int width = Math.max(5, entries.stream().mapToInt(e -> e.label().length()).max().orElse(5));
        String format = "  %1s %-" + width + "s  %-7s  %-20s  %-13s  %s%n";
        out.printf(format, "", "LABEL", "KIND", "VALID UNTIL", "STATE", "SUBJECT");
        Instant now = Instant.now();
        for (Entry e : entries) {
            out.printf(format, e.isDefault() ? "*" : "", e.label(), e.key() ? "key" : "trusted",
                    Explanations.day(e.cert().getNotAfter().toInstant()), e.state(now), e.cert().getSubjectX500Principal().getName());
        }
        String sidecar = StoreEntries.sidecarLabel(store.store);
        boolean anyKey = entries.stream().anyMatch(Entry::key);
        if (entries.stream().noneMatch(Entry::isDefault) && entries.stream().filter(Entry::key).count() > 1) {
            out.println("  no default key: GSKit needs --label (GSK_KEYRING_LABEL), or set one with gsk4j store set-default");
        } else if (anyKey) {
            out.println("  * default key" + (sidecar != null ? " (from " + StoreEntries.sidecar(store.store).getFileName() + ")" : " (the only key)"));
        }
    }

    private void printCheck(PrintWriter out, List<Entry> expiring) {
        if (expiring.isEmpty()) {
            out.println("check: nothing expires within " + days + " days");
            return;
        }
        out.println("check: " + expiring.size() + " entr" + (expiring.size() == 1 ? "y" : "ies") + " expired or expiring within "
                + days + " days:");
        Instant now = Instant.now();
        for (Entry e : expiring) {
            long left = java.time.Duration.between(now, e.chainExpiry()).toDays();
            String when = e.chainExpiry().isBefore(now) ? "expired " + Explanations.day(e.chainExpiry())
                    : "expires " + Explanations.day(e.chainExpiry()) + " (in " + left + " day" + (left == 1 ? "" : "s") + ")";
            boolean chainFirst = e.chainExpiry().isBefore(e.cert().getNotAfter().toInstant());
            out.println("  " + e.label() + ": " + when + (chainFirst ? ", a certificate of its chain" : ""));
        }
    }

    private Map<String, Object> toJson(String type, List<Entry> entries, List<Entry> expiring) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemaVersion", SCHEMA_VERSION);
        m.put("store", store.store.toString());
        m.put("type", type);
        List<Object> list = new ArrayList<>();
        Instant now = Instant.now();
        for (Entry e : entries) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("label", e.label());
            j.put("kind", e.key() ? "key" : "trusted");
            j.put("default", e.isDefault());
            j.put("subject", e.cert().getSubjectX500Principal().getName());
            j.put("issuer", e.cert().getIssuerX500Principal().getName());
            j.put("notBefore", e.cert().getNotBefore().toInstant().toString());
            j.put("notAfter", e.cert().getNotAfter().toInstant().toString());
            j.put("state", e.state(now));
            j.put("chainLength", e.chainLength());
            j.put("chainNotAfter", e.chainExpiry().toString());
            j.put("sha256", StoreEntries.fingerprint(e.cert()));
            list.add(j);
        }
        m.put("entries", list);
        if (check) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("days", days);
            c.put("ok", expiring.isEmpty());
            c.put("expiring", expiring.stream().map(Entry::label).toList());
            m.put("check", c);
        }
        return m;
    }
}
