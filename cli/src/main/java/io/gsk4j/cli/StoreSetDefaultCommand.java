package io.gsk4j.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gsk4j store set-default LABEL}: which key a GSKit environment uses when no
 * GSK_KEYRING_LABEL is set. A CMS key database keeps that as a flag; gsk4j keeps it in the
 * sidecar file {@code <store>.label}, which core's store loader reads.
 */
@Command(name = "set-default", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Makes LABEL the store's default key: the one used when no --label (GSK_KEYRING_LABEL) is given."
                + " Writes the first line of the sidecar file <store>.label. A store with a single key needs no default.")
final class StoreSetDefaultCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LABEL", description = "A key entry of the store.")
    String label;

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CommandFailure {
        StoreOptions.Opened opened = store.open(spec.commandLine());
        Arrays.fill(opened.password(), '\0');
        String spelled = keyLabel(opened.keyStore(), label, store.store);
        writeSidecar(store.store, spelled);
        spec.commandLine().getOut().println("\"" + spelled + "\" is now the default key of " + store.store
                + " (written to " + StoreEntries.sidecar(store.store) + ")");
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The label as the store spells it; the store must hold a key under it. */
    private static String keyLabel(KeyStore ks, String wanted, Path store) throws CommandFailure {
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (alias.equalsIgnoreCase(wanted)) {
                    if (!ks.isKeyEntry(alias)) {
                        throw new CommandFailure("\"" + alias + "\" in " + store + " is a trusted certificate; only a key can be the default");
                    }
                    return alias;
                }
            }
            List<String> keys = Collections.list(ks.aliases()).stream().filter(a -> isKey(ks, a)).sorted().toList();
            throw new CommandFailure("no key \"" + wanted + "\" in " + store
                    + (keys.isEmpty() ? " (it holds no keys)" : " (keys: " + String.join(", ", keys) + ")"));
        } catch (java.security.KeyStoreException e) {
            throw new CommandFailure("cannot list entries of " + store + ": " + e.getMessage(), e);
        }
    }

    private static boolean isKey(KeyStore ks, String alias) {
        try {
            return ks.isKeyEntry(alias);
        } catch (java.security.KeyStoreException e) {
            return false;
        }
    }

    static void writeSidecar(Path store, String label) throws CommandFailure {
        KeyStoreFile.writeFile(StoreEntries.sidecar(store), (label + "\n").getBytes(StandardCharsets.UTF_8), false);
    }
}
