package io.gsk4j.cli;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gsk4j store receive}: the CA's answer to 'store csr' goes under the key's label. */
@Command(name = "receive", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Puts the certificate a CA signed for a 'gsk4j store csr' request under the key's LABEL, replacing"
                + " the placeholder. FILE is PEM, DER or PKCS#7 and may hold the CA's chain too; issuers missing from"
                + " FILE are taken from the store's trusted entries. The certificate must carry the key's public key.")
final class StoreReceiveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The signed certificate, with or without its chain.")
    Path file;

    @Mixin
    StoreOptions store;

    @Option(names = "--label", paramLabel = "LABEL", required = true, description = "The key the request was made for.")
    String label;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CommandFailure {
        CommandLine cl = spec.commandLine();
        List<X509Certificate> given = certificates(file);
        StoreOptions.Opened opened = store.open(cl);
        try {
            KeyStore ks = opened.keyStore();
            KeyStore.PrivateKeyEntry entry = StoreEntries.key(ks, label, opened.password(), store.store);
            var publicKey = entry.getCertificate().getPublicKey();
            X509Certificate leaf = given.stream().filter(c -> c.getPublicKey().equals(publicKey)).findFirst().orElseThrow(
                    () -> new CommandFailure("no certificate in " + file + " is for the key \"" + label + "\" (its public key"
                            + " differs): the CA signed another request, or this is the CA's own certificate"));
            List<X509Certificate> pool = new ArrayList<>(given);
            pool.addAll(Chains.trusted(ks));
            List<X509Certificate> chain = Chains.build(leaf, pool);
            StoreEntries.putKey(ks, label, entry.getPrivateKey(), opened.password(), chain);
            KeyStoreFile.save(ks, store.store, opened.password());
            StoreEntries.describe(cl.getOut(), "received the signed certificate for", label, store.store, leaf);
            cl.getOut().println("  chain    " + chain.size() + " certificate" + (chain.size() == 1 ? "" : "s"));
            cl.getOut().flush();
            String gap = Chains.gap(label, chain, Chains.trusted(ks));
            if (gap != null) {
                cl.getErr().println("gsk4j: warning: " + gap);
                cl.getErr().flush();
            }
            return 0;
        } finally {
            Arrays.fill(opened.password(), '\0');
        }
    }

    private static List<X509Certificate> certificates(Path file) throws CommandFailure {
        byte[] content = KeyStoreFile.read(file);
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new CommandFailure(file + " holds no certificate");
            }
            return out;
        } catch (CertificateException e) {
            throw new CommandFailure(file + " holds no certificate readable as PEM, DER or PKCS#7");
        }
    }
}
