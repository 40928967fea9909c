package io.gsk4j.cli;

import io.gsk4j.internal.certs.StashFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gsk4j store stash}: the store password in a GSKit stash file (.sth), for GSK_KEYRING_STASH_FILE. */
@Command(name = "stash", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes the store's password to a GSKit stash file (.sth, the classic format GSKit and gsk4j read),"
                + " readable only by its owner. The password is checked against the store first. Programs then set"
                + " GSK_KEYRING_STASH_FILE instead of GSK_KEYRING_PW; the *SYSTEM store's stash is system.sth in the gsk4j home."
                + " A stash only hides the password from casual eyes: protect it like the password.")
final class StoreStashCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--out", paramLabel = "FILE", description = "The stash file. Default: the store's name with .sth.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CommandFailure {
        StoreOptions.Opened opened = store.open(spec.commandLine()); // proves the password opens the store
        Path target = out != null ? out : defaultStash(store.store);
        try {
            StashFile.write(target, opened.password());
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandFailure("cannot write the stash file " + target + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(opened.password(), '\0');
        }
        spec.commandLine().getOut().println("wrote the stash file " + target + " for " + store.store);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** server.p12 -> server.sth, as GSKit names key.kdb's stash key.sth. */
    static Path defaultStash(Path store) {
        String name = store.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return store.toAbsolutePath().resolveSibling(base + ".sth");
    }
}
