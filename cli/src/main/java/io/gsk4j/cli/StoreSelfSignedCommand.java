package io.gsk4j.cli;

import io.gsk4j.cli.Choices.Usage;
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

/** {@code gsk4j store self-signed}: a key and a certificate signed by itself, under a label. */
@Command(name = "self-signed", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Creates a key and a self-signed certificate under LABEL (the store is created if it does not"
                + " exist). Peers must trust this very certificate: export it and import it into their stores.")
final class StoreSelfSignedCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Mixin
    CertOptions cert;

    @Option(names = "--days", paramLabel = "N", defaultValue = "365", description = "Days of validity. Default: ${DEFAULT-VALUE}.")
    int days;

    @Option(names = "--usage", paramLabel = "server|client|both", defaultValue = "both",
            description = "Extended key usage. Default: ${DEFAULT-VALUE}.")
    Usage usage;

    @Option(names = "--default", description = "Also make LABEL the store's default key (see set-default).")
    boolean makeDefault;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CommandFailure {
        CommandLine cl = spec.commandLine();
        var subject = cert.subject(cl);
        var sans = cert.subjectAltNames(cl, usage.server());
        CertMaker.Validity validity = cert.validity(cl, days);
        StoreOptions.Opened opened = store.openOrCreate(cl);
        try {
            StoreEntries.requireFree(opened.keyStore(), cert.label, cert.replace, store.store);
            KeyPair keys = CertMaker.generate(cert.keyType, cl.getErr());
            X509Certificate certificate = CertMaker.selfSigned(subject, keys, validity, usage, sans);
            StoreEntries.putKey(opened.keyStore(), cert.label, keys.getPrivate(), opened.password(), List.of(certificate));
            KeyStoreFile.save(opened.keyStore(), store.store, opened.password());
            if (makeDefault) {
                StoreSetDefaultCommand.writeSidecar(store.store, cert.label);
            }
            StoreEntries.describe(cl.getOut(), (opened.created() ? "created " + store.store + "; " : "")
                    + "added the self-signed key", cert.label, store.store, certificate);
            return 0;
        } finally {
            Arrays.fill(opened.password(), '\0');
        }
    }
}
