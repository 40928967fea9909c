package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The chain a server sends, fetched through the compat API with GSK_SERVER_AUTH_PASSTHRU (the
 * point is to look at it, not to trust it), and written as PEM. Used by
 * {@code store import --from-server} and {@code client --save-chain}.
 */
final class ServerChain {
    private ServerChain() {
    }

    /** One PASSTHRU handshake; the chain leaf first, or the failure as a one-line message. */
    static List<CertSummary> fetch(HostPort target, int timeoutSeconds) throws CommandFailure {
        List<Setting> environment = new ArrayList<>();
        environment.add(Setting.enumValue("GSK_SESSION_TYPE", GSK_SESSION_TYPE, "GSK_CLIENT_SESSION", GSK_CLIENT_SESSION));
        // GSKit wants a store even to pass a chain through: *SYSTEM, else the JDK's or the OS's CA certificates
        DefaultTrust.choose().ifPresent(c -> {
            environment.add(Setting.buffer("GSK_KEYRING_FILE", GSK_KEYRING_FILE, c.file().toString()));
            if (c.password() != null) {
                environment.add(Setting.secret("GSK_KEYRING_PW", GSK_KEYRING_PW, c.password()));
            }
        });
        List<Setting> session = target.isIpLiteral() ? List.of()
                : List.of(Setting.buffer("GSK_SSL_EXTN_SERVERNAME_REQUEST", GSK_SSL_EXTN_SERVERNAME_REQUEST, target.host()));
        Probe.Result r = Probe.run(new Probe.Base(environment, session, target, timeoutSeconds, timeoutSeconds),
                List.of(), java.util.Set.of());
        if (!r.ok()) {
            throw new CommandFailure("could not fetch the chain of " + target + ": " + r.failure().call() + " = "
                    + r.failure().result() + (r.failure().detail() == null ? "" : " (" + r.failure().detail() + ")"));
        }
        List<CertSummary> chain = r.negotiated().partnerChain();
        if (chain.isEmpty()) {
            throw new CommandFailure(target + " sent no certificate");
        }
        return chain;
    }

    /** The certificates as PEM blocks, leaf first; those without an encoding are left out. */
    static int write(Path file, List<CertSummary> chain) throws IOException {
        StringBuilder out = new StringBuilder();
        int written = 0;
        for (CertSummary c : chain) {
            if (c.pem() != null) {
                out.append("# ").append(c.subject()).append('\n').append(c.pem());
                written++;
            }
        }
        Files.writeString(file, out.toString(), StandardCharsets.US_ASCII);
        return written;
    }

    /**
     * A SHA-256 fingerprint as people paste it: hex with or without colons or spaces, any case,
     * optionally after "sha256:" or openssl's "SHA256 Fingerprint=". Null when it is not one.
     */
    static String normalizeFingerprint(String text) {
        String t = text.trim();
        int equals = t.indexOf('=');
        if (equals >= 0) {
            t = t.substring(equals + 1);
        }
        if (t.toLowerCase(Locale.ROOT).startsWith("sha256:")) {
            t = t.substring("sha256:".length());
        }
        String hex = t.replaceAll("[:\\s]", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            return null;
        }
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
    }
}
