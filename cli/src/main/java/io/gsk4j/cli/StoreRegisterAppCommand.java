package io.gsk4j.cli;

import io.gsk4j.StoreLocations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gsk4j store register-app ID}: what DCM's application definitions (QsyRegisterAppForCertUse) do on IBM i. */
@Command(name = "register-app", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Registers an application ID: a program that sets GSK_IBMI_APPLICATION_ID to ID then uses this"
                + " store, label and stash, as DCM application definitions do on IBM i. Writes <home>/appdefs.properties"
                + " (home: --home, else -Dgsk4j.home, else $GSK4J_HOME, else ~/.gsk4j). As with DCM no password is"
                + " registered: give a stash.")
final class StoreRegisterAppCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The application ID, e.g. MY_COMPANY_ORDERS_CLIENT.")
    String id;

    @Option(names = {"--store", "--keyring"}, paramLabel = "FILE", required = true,
            description = "The store: a path, *SYSTEM, or an IBM i path /QIBM/UserData/ICSS/... (kept as written).")
    String store;

    @Option(names = "--label", paramLabel = "LABEL", description = "The key to use. Default: the store's default key.")
    String label;

    @Option(names = "--stash", paramLabel = "FILE", description = "The stash file with the store password (*SYSTEM: system.sth).")
    String stash;

    @Option(names = "--home", paramLabel = "DIR", description = "The gsk4j home to register in.")
    Path home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CommandFailure {
        if (id.isBlank() || !id.matches("[A-Za-z0-9_.$#@-]+")) {
            throw new ParameterException(spec.commandLine(), "the application ID may use letters, digits and _ . $ # @ - only");
        }
        Path where = home != null ? home.toAbsolutePath().normalize() : StoreLocations.defaults().home();
        String storeValue = absolute(store);
        String stashValue = stash == null ? null : absolute(stash);
        AppDefinitions.register(where, id, storeValue, label, stashValue);
        var out = spec.commandLine().getOut();
        out.println("registered application ID " + id + " in " + where.resolve(AppDefinitions.FILE_NAME));
        out.println("  store  " + storeValue);
        out.println("  label  " + (label == null ? "(the store's default key)" : label));
        out.println("  stash  " + (stashValue == null ? "(none: *SYSTEM uses system.sth, other stores need one)" : stashValue));
        if (!store.startsWith("*") && !store.startsWith("/QIBM/") && !Files.exists(Path.of(storeValue))) {
            out.println("note: " + storeValue + " does not exist yet");
        }
        out.flush();
        return 0;
    }

    /** Local paths are stored absolute (core resolves relative ones against the home); IBM names as written. */
    private static String absolute(String name) {
        if (name.startsWith("*") || name.regionMatches(true, 0, "/QIBM/", 0, 6)) {
            return name;
        }
        return Path.of(name).toAbsolutePath().normalize().toString();
    }
}
