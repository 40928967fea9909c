package io.gsk4j.cli;

import io.gsk4j.GskException;
import io.gsk4j.cli.Choices.Usage;
import io.gsk4j.internal.certs.StashFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gsk4j store sign}: a new key in a store, with a certificate issued by a CA from another (or the same) store. */
@Command(name = "sign", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Creates a key under LABEL in --store with a certificate issued by the CA --ca-label of --ca-store"
                + " (made with 'gsk4j store ca'). The key entry carries the chain up to the CA, and the CA's certificate"
                + " is added to --store as a trusted entry (unless --no-trust-ca), so the store can also check peers"
                + " from the same CA.")
final class StoreSignCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Mixin
    CertOptions cert;

    @Option(names = "--ca-store", paramLabel = "FILE", required = true, description = "The store holding the CA's key.")
    Path caStore;

    @Option(names = "--ca-label", paramLabel = "LABEL", required = true, description = "The CA's label in --ca-store.")
    String caLabel;

    @Option(names = "--ca-password", paramLabel = "PASSWORD", arity = "1", description = "Password of --ca-store.")
    char[] caPassword;

    @Option(names = "--ca-password-file", paramLabel = "FILE", description = "Password of --ca-store, from the first line of FILE.")
    Path caPasswordFile;

    @Option(names = "--ca-stash", paramLabel = "FILE", description = "Password of --ca-store, from a stash file.")
    Path caStash;

    @Option(names = "--usage", paramLabel = "server|client|both", defaultValue = "server",
            description = "Extended key usage. Default: ${DEFAULT-VALUE}.")
    Usage usage;

    @Option(names = "--days", paramLabel = "N", defaultValue = "365", description = "Days of validity. Default: ${DEFAULT-VALUE}.")
    int days;

    @Option(names = "--no-trust-ca", description = "Do not add the CA's certificate to --store as a trusted entry.")
    boolean noTrustCa;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CommandFailure {
        CommandLine cl = spec.commandLine();
        var subject = cert.subject(cl);
        var sans = cert.subjectAltNames(cl, usage.server());
        CertMaker.Validity validity = cert.validity(cl, days);
        boolean sameStore = Files.exists(caStore) && Files.exists(store.store) && sameFile(caStore, store.store);
        StoreOptions.Opened target = store.openOrCreate(cl);
        char[] caPw = sameStore ? target.password() : caPassword(cl);
        try {
            KeyStore caKeys = sameStore ? target.keyStore() : KeyStoreFile.load(caStore, caPw);
            KeyStore.PrivateKeyEntry ca = StoreEntries.key(caKeys, caLabel, caPw, caStore);
            List<X509Certificate> caChain = StoreEntries.chainOf(ca);
            if (caChain.get(0).getBasicConstraints() < 0) {
                throw new CommandFailure("\"" + caLabel + "\" in " + caStore + " is not a CA certificate (make one with"
                        + " gsk4j store ca)");
            }
            StoreEntries.requireFree(target.keyStore(), cert.label, cert.replace, store.store);
            KeyPair keys = CertMaker.generate(cert.keyType, cl.getErr());
            X509Certificate issued = CertMaker.issue(caChain.get(0), ca.getPrivateKey(), subject, keys.getPublic(), validity, usage, sans);
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(issued);
            chain.addAll(caChain);
            StoreEntries.putKey(target.keyStore(), cert.label, keys.getPrivate(), target.password(), chain);
            X509Certificate root = caChain.get(caChain.size() - 1);
            String trustedAs = null;
            if (!noTrustCa && !StoreEntries.trusts(target.keyStore(), root)) {
                trustedAs = StoreEntries.freeLabel(target.keyStore(), sameStore ? caLabel + "-trusted" : caLabel);
                StoreEntries.putTrusted(target.keyStore(), trustedAs, root);
            }
            KeyStoreFile.save(target.keyStore(), store.store, target.password());
            StoreEntries.describe(cl.getOut(), (target.created() ? "created " + store.store + "; " : "")
                    + "added the " + usage.word() + " key", cert.label, store.store, issued);
            if (trustedAs != null) {
                cl.getOut().println("added the CA certificate as the trusted entry \"" + trustedAs + "\"");
                cl.getOut().flush();
            }
            return 0;
        } finally {
            Arrays.fill(target.password(), '\0');
            if (!sameStore) {
                Arrays.fill(caPw, '\0');
            }
        }
    }

    private char[] caPassword(CommandLine cl) throws CommandFailure {
        char[] given = PasswordSource.fromOptions(cl, caPassword, caPasswordFile, "--ca-password");
        if (given != null) {
            return given;
        }
        if (caStash != null) {
            try {
                return StashFile.read(caStash);
            } catch (GskException e) {
                throw new CommandFailure("cannot read the stash file " + caStash + ": " + e.detail());
            }
        }
        char[] typed = PasswordSource.prompt("Password for the CA store " + caStore + ": ");
        if (typed == null) {
            throw new ParameterException(cl, "a password is needed for " + caStore
                    + ": give --ca-password, --ca-password-file or --ca-stash");
        }
        return typed;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
