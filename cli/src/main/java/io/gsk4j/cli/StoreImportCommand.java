package io.gsk4j.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gsk4j store import}: PEM certificates, chains and keys, or PKCS#12 files, into a store. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Adds the contents of PEM, PKCS#12, JKS or JCEKS files to the store (created if it does not exist).",
            "A keytool store (JKS/JCEKS) converts to PKCS#12 with its labels kept: gsk4j store import --store new.p12"
                    + " --in-password-file pw old.jks (its keys must use the store password, keytool's default).",
            "A private key with its certificate (and chain) becomes a key entry; certificates without a key become"
                    + " trusted entries (CAs and peers to trust). Labels default to the certificate's common name."})
final class StoreImportCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE", description = "PEM files (certificates, chains, keys), PKCS#12 (.p12/.pfx), JKS or JCEKS stores.")
    List<Path> files;

    @Mixin
    StoreOptions store;

    @Option(names = "--label", paramLabel = "LABEL", description = "Label of the imported key, or of the (first) trusted certificate.")
    String label;

    @Option(names = "--trusted", description = "Import certificates as trusted entries (the default when there is no key).")
    boolean trusted;

    @Option(names = "--in-password", paramLabel = "PASSWORD", arity = "1", description = "Password of an encrypted PEM key or a PKCS#12 file.")
    char[] inPassword;

    @Option(names = "--in-password-file", paramLabel = "FILE", description = "The same, from the first line of FILE.")
    Path inPasswordFile;

    @Option(names = "--replace", description = "Replace entries whose label is taken.")
    boolean replace;

    @Option(names = "--default", description = "Make the imported key the store's default key.")
    boolean makeDefault;

    @Mixin
    FromServerOptions fromServer;

    @Spec
    CommandSpec spec;

    private final List<String> added = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    @Override
    public Integer call() throws CommandFailure {
        CommandLine cl = spec.commandLine();
        files = fromServer.files(cl, files);
        char[] filePassword = PasswordSource.fromOptions(cl, inPassword, inPasswordFile, "--in-password");
        List<X509Certificate> certs = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        List<KeyStore> pkcs12 = new ArrayList<>();
        for (Path file : files) {
            byte[] content = KeyStoreFile.read(file);
            if (content.length >= 2 && (content[0] & 0xFF) == 0x30 && (content[1] & 0xFF) >= 0x80
                    || KeyStoreFile.isKeytoolStore(content)) {
                pkcs12.add(loadPkcs12(file, content, filePassword)); // JKS and JCEKS too: labels are kept
            } else {
                PemFiles.Contents c = PemFiles.read(file.toString(), content, filePassword);
                if (c.certificates().isEmpty() && c.keys().isEmpty()) {
                    throw new CommandFailure(file + " holds no certificate or key (PEM or PKCS#12 expected)");
                }
                certs.addAll(c.certificates());
                keys.addAll(c.keys());
            }
        }
        if (keys.size() > 1) {
            throw new CommandFailure("the files hold " + keys.size() + " private keys: import one key (with its certificates) at a time");
        }
        if (trusted && !keys.isEmpty()) {
            throw new ParameterException(cl, "--trusted imports certificates only, but a private key was given: drop --trusted"
                    + " or the key file");
        }
        StoreOptions.Opened target = store.openOrCreate(cl);
        try {
            String keyLabel = null;
            if (!keys.isEmpty()) {
                keyLabel = importKey(target, keys.get(0), certs);
            } else {
                importTrusted(target.keyStore(), certs, label);
            }
            for (KeyStore p12 : pkcs12) {
                String imported = importPkcs12(target, p12, filePassword);
                keyLabel = keyLabel == null ? imported : keyLabel;
            }
            KeyStoreFile.save(target.keyStore(), store.store, target.password());
            if (makeDefault && keyLabel != null) {
                StoreSetDefaultCommand.writeSidecar(store.store, keyLabel.toLowerCase(java.util.Locale.ROOT));
            }
        } finally {
            Arrays.fill(target.password(), '\0');
            if (filePassword != null) {
                Arrays.fill(filePassword, '\0');
            }
        }
        PrintWriter out = cl.getOut();
        warnings.forEach(w -> cl.getErr().println("gsk4j: warning: " + w));
        cl.getErr().flush();
        out.println((target.created() ? "created " + store.store + "; " : "") + "imported into " + store.store + ":");
        added.forEach(line -> out.println("  " + line));
        out.flush();
        return 0;
    }

    /** The key with the certificate it belongs to and that certificate's issuers; other certificates become trusted. */
    private String importKey(StoreOptions.Opened target, PrivateKey key, List<X509Certificate> certs) throws CommandFailure {
        X509Certificate leaf = certs.stream().filter(c -> StoreEntries.matches(key, c)).findFirst().orElseThrow(
                () -> new CommandFailure("none of the certificates belongs to the private key: give the key's own certificate"));
        List<X509Certificate> chain = Chains.build(leaf, certs);
        List<X509Certificate> rest = new ArrayList<>(certs);
        rest.removeAll(chain);
        String keyLabel = label != null ? label : CertNames.labelFrom(commonName(leaf));
        StoreEntries.requireFree(target.keyStore(), keyLabel, replace, store.store);
        StoreEntries.putKey(target.keyStore(), keyLabel, key, target.password(), chain);
        added.add("key \"" + keyLabel + "\": " + leaf.getSubjectX500Principal().getName() + " (chain of " + chain.size() + ")");
        importTrusted(target.keyStore(), rest, null);
        warnIfIncomplete(keyLabel, chain, target.keyStore()); // after: a root in the same file counts
        return keyLabel;
    }

    private void importTrusted(KeyStore ks, List<X509Certificate> certs, String firstLabel) throws CommandFailure {
        for (int i = 0; i < certs.size(); i++) {
            X509Certificate c = certs.get(i);
            String wanted = firstLabel != null ? (i == 0 ? firstLabel : firstLabel + "-" + (i + 1)) : CertNames.labelFrom(commonName(c));
            String l;
            if (firstLabel != null) {
                StoreEntries.requireFree(ks, wanted, replace, store.store);
                l = wanted;
            } else {
                l = replace ? wanted : StoreEntries.freeLabel(ks, wanted);
            }
            StoreEntries.putTrusted(ks, l, c);
            added.add("trusted \"" + l + "\": " + c.getSubjectX500Principal().getName());
        }
    }

    private String importPkcs12(StoreOptions.Opened target, KeyStore p12, char[] p12Password) throws CommandFailure {
        String firstKey = null;
        try {
            List<String> aliases = Collections.list(p12.aliases());
            long keyCount = aliases.stream().filter(a -> isKey(p12, a)).count();
            for (String alias : aliases) {
                if (p12.isKeyEntry(alias)) {
                    KeyStore.PrivateKeyEntry e = StoreEntries.key(p12, alias, p12Password, Path.of("the PKCS#12 file"));
                    String l = label != null && keyCount == 1 ? label : alias;
                    StoreEntries.requireFree(target.keyStore(), l, replace, store.store);
                    StoreEntries.putKey(target.keyStore(), l, e.getPrivateKey(), target.password(), StoreEntries.chainOf(e));
                    added.add("key \"" + l + "\": " + StoreEntries.chainOf(e).get(0).getSubjectX500Principal().getName());
                    warnIfIncomplete(l, StoreEntries.chainOf(e), target.keyStore());
                    firstKey = firstKey == null ? l : firstKey;
                } else if (p12.getCertificate(alias) instanceof X509Certificate c) {
                    String l = replace ? alias : StoreEntries.freeLabel(target.keyStore(), alias);
                    StoreEntries.putTrusted(target.keyStore(), l, c);
                    added.add("trusted \"" + l + "\": " + c.getSubjectX500Principal().getName());
                }
            }
        } catch (java.security.KeyStoreException e) {
            throw new CommandFailure("cannot read the PKCS#12 file: " + e.getMessage(), e);
        }
        return firstKey;
    }

    private void warnIfIncomplete(String keyLabel, List<X509Certificate> chain, KeyStore target) throws CommandFailure {
        String gap = Chains.gap(keyLabel, chain, Chains.trusted(target));
        if (gap != null) {
            warnings.add(gap);
        }
    }

    private static boolean isKey(KeyStore ks, String alias) {
        try {
            return ks.isKeyEntry(alias);
        } catch (java.security.KeyStoreException e) {
            return false;
        }
    }

    private static KeyStore loadPkcs12(Path file, byte[] content, char[] password) throws CommandFailure {
        if (password == null) {
            throw new CommandFailure(file + " is a key store: give its password with --in-password or --in-password-file");
        }
        try {
            KeyStore ks = KeyStore.getInstance(KeyStoreFile.isKeytoolStore(content) ? KeyStoreFile.detect(file, content).name() : "PKCS12");
            ks.load(new ByteArrayInputStream(content), password);
            return ks;
        } catch (IOException e) {
            throw new CommandFailure("cannot open " + file + ": wrong --in-password, or not a PKCS#12, JKS or JCEKS file");
        } catch (GeneralSecurityException e) {
            throw new CommandFailure("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private static String commonName(X509Certificate c) {
        String cn = CertNames.commonName(c.getSubjectX500Principal().getName());
        return cn != null ? cn : c.getSubjectX500Principal().getName();
    }
}
