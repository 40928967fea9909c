package io.gsk4j.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gsk4j store export}: one entry as PEM (certificate, chain, optionally the key) or as a PKCS#12 file. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Writes the entry LABEL as PEM (default: its certificate; --chain adds the issuers; --key adds the private key)"
                    + " or as a PKCS#12 file (key entry with chain, or the trusted certificate).",
            "Give peers the CA certificate, never a private key: a key leaves the store only with --key or --format pkcs12."})
final class StoreExportCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--label", paramLabel = "LABEL", required = true, description = "The entry to export.")
    String label;

    @Option(names = "--format", paramLabel = "pem|pkcs12", defaultValue = "pem", description = "Output format. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (PEM without --out goes to standard output).")
    Path out;

    @Option(names = "--chain", description = "PEM: the whole chain of a key entry, not only its certificate.")
    boolean chain;

    @Option(names = "--key", description = "PEM: also the private key (unencrypted unless --out-password is given).")
    boolean key;

    @Option(names = "--out-password", paramLabel = "PASSWORD", arity = "1",
            description = "Encrypts the PEM key, or protects the PKCS#12 file (default: the store's password).")
    char[] outPassword;

    @Option(names = "--out-password-file", paramLabel = "FILE", description = "The same, from the first line of FILE.")
    Path outPasswordFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CommandFailure {
        CommandLine cl = spec.commandLine();
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("pem") && !f.equals("pkcs12")) {
            throw new ParameterException(cl, "--format must be pem or pkcs12");
        }
        if (f.equals("pkcs12") && out == null) {
            throw new ParameterException(cl, "--format pkcs12 needs --out FILE");
        }
        char[] exportPassword = PasswordSource.fromOptions(cl, outPassword, outPasswordFile, "--out-password");
        StoreOptions.Opened opened = store.open(cl);
        try {
            KeyStore ks = opened.keyStore();
            boolean isKey = ks.containsAlias(label) && ks.isKeyEntry(label);
            if (!ks.containsAlias(label)) {
                StoreEntries.key(ks, label, opened.password(), store.store); // throws, listing the labels
            }
            if (f.equals("pkcs12")) {
                exportPkcs12(ks, isKey, opened.password(), exportPassword != null ? exportPassword : opened.password());
            } else {
                exportPem(cl, ks, isKey, opened.password(), exportPassword);
            }
            return 0;
        } catch (java.security.KeyStoreException e) {
            throw new CommandFailure("cannot read " + store.store + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(opened.password(), '\0');
            if (exportPassword != null) {
                Arrays.fill(exportPassword, '\0');
            }
        }
    }

    private void exportPem(CommandLine cl, KeyStore ks, boolean isKey, char[] storePassword, char[] keyPassword)
            throws CommandFailure, java.security.KeyStoreException {
        if (key && !isKey) {
            throw new CommandFailure("\"" + label + "\" is a trusted certificate: it has no private key to export");
        }
        List<X509Certificate> certs = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if (isKey) {
            KeyStore.PrivateKeyEntry entry = StoreEntries.key(ks, label, storePassword, store.store);
            List<X509Certificate> full = StoreEntries.chainOf(entry);
            certs.addAll(chain ? full : full.subList(0, 1));
            if (key) {
                text.append(PemFiles.privateKey(entry.getPrivateKey(), keyPassword));
            }
        } else {
            certs.add((X509Certificate) ks.getCertificate(label));
        }
        text.append(PemFiles.certificates(certs));
        if (out == null) {
            cl.getOut().print(text);
            cl.getOut().flush();
            return;
        }
        KeyStoreFile.writeFile(out, text.toString().getBytes(StandardCharsets.US_ASCII), key);
        PrintWriter o = cl.getOut();
        o.println("wrote " + certs.size() + " certificate" + (certs.size() == 1 ? "" : "s") + (key ? " and the private key"
                + (keyPassword == null ? " (unencrypted: protect the file)" : " (encrypted)") : "") + " of \"" + label + "\" to " + out);
        o.flush();
    }

    private void exportPkcs12(KeyStore ks, boolean isKey, char[] storePassword, char[] filePassword)
            throws CommandFailure, java.security.KeyStoreException {
        KeyStore p12 = KeyStoreFile.empty(KeyStoreFile.Type.PKCS12);
        if (isKey) {
            KeyStore.PrivateKeyEntry entry = StoreEntries.key(ks, label, storePassword, store.store);
            StoreEntries.putKey(p12, label, entry.getPrivateKey(), filePassword, StoreEntries.chainOf(entry));
        } else {
            StoreEntries.putTrusted(p12, label, (X509Certificate) ks.getCertificate(label));
        }
        KeyStoreFile.save(p12, out, filePassword);
        spec.commandLine().getOut().println("wrote \"" + label + "\" (" + (isKey ? "key entry with its chain" : "trusted certificate")
                + ") to the PKCS#12 file " + out);
        spec.commandLine().getOut().flush();
    }

}
