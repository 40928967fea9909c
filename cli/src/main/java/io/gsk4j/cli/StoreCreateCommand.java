package io.gsk4j.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gsk4j store create}: an empty store. */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Creates an empty certificate store (PKCS#12 unless --type jks).")
final class StoreCreateCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--type", paramLabel = "pkcs12|jks", defaultValue = "pkcs12", description = "Store format. Default: ${DEFAULT-VALUE}.")
    String type;

    @Option(names = "--force", description = "Overwrite an existing file.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CommandFailure {
        KeyStoreFile.Type t;
        try {
            t = KeyStoreFile.Type.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--type must be pkcs12 or jks");
        }
        if (store.exists() && !force) {
            throw new CommandFailure(store.store + " already exists (--force replaces it with an empty store)");
        }
        char[] password = store.password(spec.commandLine(), true);
        try {
            KeyStoreFile.save(KeyStoreFile.empty(t), store.store, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        spec.commandLine().getOut().println("created an empty " + t.word() + " store " + store.store);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
