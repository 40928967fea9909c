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
        description = "Lists the store's entries: label, kind (key or trusted), validity, subject. '*' marks the default"
                + " key, the one GSKit uses without GSK_KEYRING_LABEL (the <store>.label sidecar, or the only key).")
final class StoreListCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--json", description = "Print the entries as one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** One entry as listed. */
    record Entry(String label, boolean key, boolean isDefault, X509Certificate cert, int chainLength) {
        String state(Instant now) {
            if (now.isAfter(cert.getNotAfter().toInstant())) {
                return "EXPIRED";
            }
            return now.isBefore(cert.getNotBefore().toInstant()) ? "NOT YET VALID" : "valid";
        }
    }

    @Override
    public Integer call() throws CommandFailure {
        StoreOptions.Opened opened = store.open(spec.commandLine());
        Arrays.fill(opened.password(), '\0');
        List<Entry> entries = entries(opened.keyStore());
        String type = KeyStoreFile.typeOf(store.store).word();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(toJson(type, entries)));
        } else {
            print(out, type, entries);
        }
        out.flush();
        return 0;
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
                    out.add(new Entry(alias, key, alias.equals(defaultKey), x, chain == null ? 1 : chain.length));
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

    private Map<String, Object> toJson(String type, List<Entry> entries) {
        Map<String, Object> m = new LinkedHashMap<>();
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
            j.put("sha256", StoreEntries.fingerprint(e.cert()));
            list.add(j);
        }
        m.put("entries", list);
        return m;
    }
}
