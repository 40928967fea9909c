package io.gsk4j.cli;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
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
        description = "Creates a certificate authority: a key and a self-signed CA certificate under LABEL (the store is"
                + " created if it does not exist). Issue certificates from it with 'gsk4j store sign'; peers trust"
                + " everything it issued once they trust its certificate ('gsk4j store export', then 'import --trusted').")
final class StoreCaCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Mixin
    CertOptions cert;

    @Option(names = "--days", paramLabel = "N", defaultValue = "3650", description = "Days of validity. Default: ${DEFAULT-VALUE}.")
    int days;

    @Option(names = "--path-length", paramLabel = "N", description = "How many intermediate CAs may follow (default: no limit).")
    Integer pathLength;

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
            KeyPair keys = CertMaker.generate(cert.keyType, cl.getErr());
            X509Certificate certificate = CertMaker.ca(subject, keys, validity, pathLength);
            StoreEntries.putKey(opened.keyStore(), cert.label, keys.getPrivate(), opened.password(), List.of(certificate));
            KeyStoreFile.save(opened.keyStore(), store.store, opened.password());
            StoreEntries.describe(cl.getOut(), (opened.created() ? "created " + store.store + "; " : "") + "added the CA",
                    cert.label, store.store, certificate);
            return 0;
        } finally {
            Arrays.fill(opened.password(), '\0');
        }
    }
}
