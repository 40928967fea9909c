package io.gsk4j.cli;

import io.gsk4j.internal.certs.StashFile;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gsk4j store password}: a new store password (gsk8capicmd's -keydb -changepw, keytool's -storepasswd). */
@Command(name = "password", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Changes the store password. Every key is re-encrypted under the new password too (GSKit and"
                + " the JDK open keys with the store password).",
            "A stash file that held the old password would no longer open the store: the one given with --stash is"
                + " rewritten, and --new-stash writes one elsewhere."})
final class StorePasswordCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--new-password", paramLabel = "PASSWORD", arity = "1", description = "The new password.")
    char[] newPassword;

    @Option(names = "--new-password-file", paramLabel = "FILE", description = "The new password, from the first line of FILE.")
    Path newPasswordFile;

    @Option(names = "--new-stash", paramLabel = "FILE", description = "Also write the new password to this stash file.")
    Path newStash;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws CommandFailure {
        CommandLine cl = spec.commandLine();
        char[] fresh = PasswordSource.fromOptions(cl, newPassword, newPasswordFile, "--new-password");
        if (fresh == null) {
            fresh = PasswordSource.promptNew(cl, "New password for " + store.store + ": ");
        }
        if (fresh == null) {
            throw new ParameterException(cl, "the new password is needed: give --new-password or --new-password-file");
        }
        StoreOptions.Opened opened = store.open(cl);
        try {
            KeyStore old = opened.keyStore();
            KeyStore copy = KeyStoreFile.empty(KeyStoreFile.typeOf(store.store));
            int keys = 0;
            for (String alias : Collections.list(old.aliases())) {
                if (old.isKeyEntry(alias)) {
                    KeyStore.PrivateKeyEntry e = StoreEntries.key(old, alias, opened.password(), store.store);
                    StoreEntries.putKey(copy, alias, e.getPrivateKey(), fresh, StoreEntries.chainOf(e));
                    keys++;
                } else {
                    copy.setCertificateEntry(alias, old.getCertificate(alias));
                }
            }
            KeyStoreFile.save(copy, store.store, fresh);
            cl.getOut().println("changed the password of " + store.store + " (" + keys + " key" + (keys == 1 ? "" : "s")
                    + " re-encrypted)");
            for (Path stash : new Path[] {store.stash, newStash}) {
                if (stash != null) {
                    StashFile.write(stash, fresh);
                    cl.getOut().println("wrote the new password to the stash file " + stash);
                }
            }
            cl.getOut().flush();
            return 0;
        } catch (KeyStoreException | IOException | IllegalArgumentException e) {
            throw new CommandFailure("cannot change the password of " + store.store + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(opened.password(), '\0');
            Arrays.fill(fresh, '\0');
        }
    }
}
