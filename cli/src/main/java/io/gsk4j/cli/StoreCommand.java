package io.gsk4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gsk4j store}: the certificate-store tasks IBM's Digital Certificate Manager does on IBM i. */
@Command(name = "store", mixinStandardHelpOptions = true,
        header = "Creates and edits certificate stores: keys, CAs, requests, imports, exports, default label, stash, application IDs.",
        description = {
            "The stores are PKCS#12 files (JKS works too), readable by gsk4j (GSK_KEYRING_FILE), the JDK and OpenSSL."
                    + " Passwords come from --password, --password-file, --stash or a prompt on the terminal; they are"
                    + " never printed.",
            "A typical test PKI:",
            "  gsk4j store ca --store ca.p12 --label myca --dn \"CN=My Test CA\"",
            "  gsk4j store sign --ca-store ca.p12 --ca-label myca \\",
            "      --store server.p12 --label server --dn CN=localhost",
            "  gsk4j store export --store ca.p12 --label myca --out ca.pem",
            "  gsk4j store import --store trust.p12 --trusted --label myca ca.pem"},
        subcommands = {StoreCreateCommand.class, StoreSelfSignedCommand.class, StoreCaCommand.class, StoreSignCommand.class,
            StoreCsrCommand.class, StoreReceiveCommand.class, StoreImportCommand.class, StoreExportCommand.class, StoreListCommand.class, StoreSetDefaultCommand.class,
            StoreStashCommand.class, StoreRegisterAppCommand.class, StoreDeleteCommand.class, StoreRenameCommand.class,
            StorePasswordCommand.class, CommandLine.HelpCommand.class})
final class StoreCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a store command is needed: create, self-signed, ca, sign, csr,"
                + " receive, import, export, list, set-default, stash, register-app, delete, rename or password");
    }
}
