package io.gsk4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code store import --from-server HOST:PORT --fingerprint SHA256}: trust on first use, pinned.
 * The server's chain is fetched, and the one certificate in it whose SHA-256 fingerprint is the
 * one given (checked with the server's administrator, or read from {@code gsk4j client}) is
 * what gets imported, as a trusted entry. No match, nothing imported.
 */
final class FromServerOptions {
    @Option(names = "--from-server", paramLabel = "HOST:PORT",
            description = "Import a certificate the server at HOST:PORT (or https://... URL) sends, as a trusted entry;"
                    + " needs --fingerprint.")
    String server;

    @Option(names = "--fingerprint", paramLabel = "SHA256",
            description = "With --from-server: the SHA-256 fingerprint of the certificate to trust (the server's own, or a"
                    + " CA in its chain), as gsk4j client or openssl x509 -fingerprint -sha256 print it.")
    String fingerprint;

    @Option(names = "--from-server-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "With --from-server: connection and handshake time limit. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    /** The files to import: those given, or (with --from-server) a PEM file holding the pinned certificate. */
    List<Path> files(CommandLine cl, List<Path> given) throws CommandFailure {
        if (server == null) {
            if (fingerprint != null) {
                throw new ParameterException(cl, "--fingerprint goes with --from-server");
            }
            if (given == null || given.isEmpty()) {
                throw new ParameterException(cl, "name the files to import, or --from-server HOST:PORT --fingerprint SHA256");
            }
            return given;
        }
        if (given != null && !given.isEmpty()) {
            throw new ParameterException(cl, "--from-server imports from the server: give no files with it");
        }
        if (fingerprint == null) {
            throw new ParameterException(cl, "--from-server needs --fingerprint SHA256: the certificate to trust, checked"
                    + " beforehand (gsk4j client " + server + " --server-auth passthru shows the chain's fingerprints)");
        }
        String wanted = ServerChain.normalizeFingerprint(fingerprint);
        if (wanted == null) {
            throw new ParameterException(cl, "--fingerprint '" + fingerprint + "' is not a SHA-256 fingerprint (64 hex digits)");
        }
        HostPort target;
        try {
            target = HostPort.parse(server);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, "--from-server: " + e.getMessage());
        }
        List<CertSummary> chain = ServerChain.fetch(target, timeoutSeconds);
        PrintWriter out = cl.getOut();
        for (int i = 0; i < chain.size(); i++) {
            CertSummary c = chain.get(i);
            if (wanted.equals(c.sha256())) {
                out.println("fetched " + chain.size() + " certificate" + (chain.size() == 1 ? "" : "s") + " from " + target
                        + "; [" + i + "] " + c.subject() + " has the SHA-256 fingerprint given");
                return List.of(pinned(c));
            }
        }
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < chain.size(); i++) {
            seen.append("; [").append(i).append("] ").append(chain.get(i).subject()).append(" ").append(chain.get(i).sha256());
        }
        throw new CommandFailure("no certificate " + target + " sent has the SHA-256 fingerprint " + wanted
                + ": nothing imported (it sent" + seen.substring(1) + ")");
    }

    private static Path pinned(CertSummary c) throws CommandFailure {
        try {
            Path file = Files.createTempFile("gsk4j-from-server", ".pem");
            file.toFile().deleteOnExit();
            ServerChain.write(file, List.of(c));
            return file;
        } catch (IOException e) {
            throw new CommandFailure("cannot write a temporary file: " + e.getMessage(), e);
        }
    }
}
