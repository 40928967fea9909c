package io.gsk4j.cli;

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
import picocli.CommandLine.Spec;

/** {@code gsk4j store ca}: a small certificate authority (a key and a self-signed CA certificate). */
@Command(name = "ca", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Creates a certificate authority: a key and a self-signed CA certificate under LABEL (the store is"
                + " created if it does not exist). Issue certificates from it with 'gsk4j store sign'; peers trust"
                + " everything it issued once they trust its certificate ('gsk4j store export', then 'import --trusted').",
            "With --issuer the new CA is an intermediate: its certificate is signed by the CA --issuer (in --store, or in"
                + " --issuer-store), and its key entry carries the chain up to the root."})
final class StoreCaCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Mixin
    CertOptions cert;

    @Option(names = "--days", paramLabel = "N", defaultValue = "3650", description = "Days of validity. Default: ${DEFAULT-VALUE}.")
    int days;

    @Option(names = "--path-length", paramLabel = "N", description = "How many intermediate CAs may follow (default: no limit).")
    Integer pathLength;

    @Option(names = "--issuer", paramLabel = "LABEL", description = "Make an intermediate CA signed by this CA (a key entry"
            + " made by 'store ca').")
    String issuer;

    @Option(names = "--issuer-store", paramLabel = "FILE", description = "The store holding --issuer (default: --store).")
    java.nio.file.Path issuerStore;

    @Option(names = "--issuer-password", paramLabel = "PASSWORD", arity = "1", description = "Password of --issuer-store.")
    char[] issuerPassword;

    @Option(names = "--issuer-password-file", paramLabel = "FILE", description = "Password of --issuer-store, from the first"
            + " line of FILE.")
    java.nio.file.Path issuerPasswordFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CommandFailure {
        CommandLine cl = spec.commandLine();
        var subject = cert.subject(cl);
        CertMaker.Validity validity = cert.validity(cl, days);
        StoreOptions.Opened opened = store.openOrCreate(cl);
        try {
            StoreEntries.requireFree(opened.keyStore(), cert.label, cert.replace, store.store);
            KeyStore.PrivateKeyEntry signer = issuer == null ? null : issuerEntry(cl, opened);
            KeyPair keys = CertMaker.generate(cert.keyType, cl.getErr());
            List<X509Certificate> chain = new ArrayList<>();
            if (signer == null) {
                chain.add(CertMaker.ca(subject, keys, validity, pathLength));
            } else {
                List<X509Certificate> above = StoreEntries.chainOf(signer);
                chain.add(CertMaker.intermediate(above.get(0), signer.getPrivateKey(), subject, keys, validity, pathLength));
                chain.addAll(above);
            }
            StoreEntries.putKey(opened.keyStore(), cert.label, keys.getPrivate(), opened.password(), chain);
            KeyStoreFile.save(opened.keyStore(), store.store, opened.password());
            StoreEntries.describe(cl.getOut(), (opened.created() ? "created " + store.store + "; " : "")
                    + (signer == null ? "added the CA" : "added the intermediate CA"), cert.label, store.store, chain.get(0));
            if (signer != null) {
                cl.getOut().println("  chain    " + chain.size() + " certificates, up to "
                        + chain.get(chain.size() - 1).getSubjectX500Principal().getName());
                cl.getOut().flush();
            }
            return 0;
        } finally {
            Arrays.fill(opened.password(), '\0');
        }
    }

    /** The issuing CA's key entry, from this store or --issuer-store; it must be a CA allowed to have CAs below it. */
    private KeyStore.PrivateKeyEntry issuerEntry(CommandLine cl, StoreOptions.Opened opened) throws CommandFailure {
        java.nio.file.Path where = issuerStore != null ? issuerStore : store.store;
        KeyStore.PrivateKeyEntry entry;
        if (issuerStore == null) {
            entry = StoreEntries.key(opened.keyStore(), issuer, opened.password(), where);
        } else {
            char[] pw = PasswordSource.fromOptions(cl, issuerPassword, issuerPasswordFile, "--issuer-password");
            if (pw == null) {
                throw new picocli.CommandLine.ParameterException(cl, "--issuer-store needs --issuer-password or --issuer-password-file");
            }
            try {
                entry = StoreEntries.key(KeyStoreFile.load(issuerStore, pw), issuer, pw, where);
            } finally {
                Arrays.fill(pw, '\0');
            }
        }
        X509Certificate ca = (X509Certificate) entry.getCertificate();
        int limit = ca.getBasicConstraints();
        if (limit < 0) {
            throw new CommandFailure("\"" + issuer + "\" in " + where + " is not a CA certificate (make one with gsk4j store ca)");
        }
        if (limit == 0) {
            throw new CommandFailure("\"" + issuer + "\" in " + where + " has path length 0: it may issue only end-entity"
                    + " certificates, not another CA");
        }
        if (pathLength != null && limit != Integer.MAX_VALUE && pathLength >= limit) {
            throw new CommandFailure("--path-length " + pathLength + " is too long under \"" + issuer + "\" (path length "
                    + limit + "): at most " + (limit - 1));
        }
        return entry;
    }
}
