package io.gsk4j.cli;

import java.nio.file.Files;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gsk4j store delete}: removes entries by label. */
@Command(name = "delete", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Removes the entries LABEL... (keys or trusted certificates) from the store. Deleting the default"
                + " key also removes the <store>.label sidecar that named it.")
final class StoreDeleteCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "LABEL", description = "Labels to remove.")
    List<String> labels;

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
            for (String label : labels) { // all or nothing: check every label before changing the file
                if (!ks.containsAlias(label)) {
                    throw new CommandFailure("no entry \"" + label + "\" in " + store.store + ": nothing was deleted");
                }
            }
            for (String label : labels) {
                String kind = ks.isKeyEntry(label) ? "key" : "trusted certificate";
                ks.deleteEntry(label);
                cl.getOut().println("deleted the " + kind + " \"" + label + "\" from " + store.store);
            }
            KeyStoreFile.save(ks, store.store, opened.password());
            String sidecar = StoreEntries.sidecarLabel(store.store);
            if (sidecar != null && labels.stream().anyMatch(sidecar::equalsIgnoreCase)) {
                Files.deleteIfExists(StoreEntries.sidecar(store.store));
                cl.getOut().println("it was the default key: removed " + StoreEntries.sidecar(store.store).getFileName());
            }
            cl.getOut().flush();
            return 0;
        } catch (KeyStoreException | java.io.IOException e) {
            throw new CommandFailure("cannot delete from " + store.store + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(opened.password(), '\0');
        }
    }
}
