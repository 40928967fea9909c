package io.gsk4j.cli;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gsk4j store rename}: gives an entry another label (keytool's -changealias). */
@Command(name = "rename", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Gives the entry OLD the label NEW (key or trusted certificate); the key, its chain and the default"
                + " key setting (<store>.label) follow.")
final class StoreRenameCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD", description = "The current label.")
    String from;

    @Parameters(index = "1", paramLabel = "NEW", description = "The new label.")
    String to;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CommandFailure {
        CommandLine cl = spec.commandLine();
        StoreOptions.Opened opened = store.open(cl);
        try {
            KeyStore ks = opened.keyStore();
            if (!ks.containsAlias(from)) {
                throw new CommandFailure("no entry \"" + from + "\" in " + store.store);
            }
            // PKCS#12 labels are case-insensitive: "Server" -> "server" is a rename, not a clash
            if (ks.containsAlias(to) && !from.equalsIgnoreCase(to)) {
                throw new CommandFailure("the label \"" + to + "\" is already used in " + store.store);
            }
            if (ks.isKeyEntry(from)) {
                KeyStore.PrivateKeyEntry entry = StoreEntries.key(ks, from, opened.password(), store.store);
                ks.deleteEntry(from);
                StoreEntries.putKey(ks, to, entry.getPrivateKey(), opened.password(), StoreEntries.chainOf(entry));
            } else {
                X509Certificate cert = (X509Certificate) ks.getCertificate(from);
                ks.deleteEntry(from);
                StoreEntries.putTrusted(ks, to, cert);
            }
            KeyStoreFile.save(ks, store.store, opened.password());
            cl.getOut().println("renamed \"" + from + "\" to \"" + to + "\" in " + store.store);
            String sidecar = StoreEntries.sidecarLabel(store.store);
            if (sidecar != null && sidecar.equalsIgnoreCase(from)) {
                StoreSetDefaultCommand.writeSidecar(store.store, to);
                cl.getOut().println("it is the default key: " + StoreEntries.sidecar(store.store).getFileName() + " now names \"" + to + "\"");
            }
            cl.getOut().flush();
            return 0;
        } catch (KeyStoreException e) {
            throw new CommandFailure("cannot rename in " + store.store + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(opened.password(), '\0');
        }
    }
}
