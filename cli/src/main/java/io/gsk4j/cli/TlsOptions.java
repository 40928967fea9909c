package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.*;

import io.gsk4j.TlsProtocol;
import io.gsk4j.cli.Choices.OnOff;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options {@code client} and {@code server} share. Each maps onto one GSKit attribute and
 * becomes one gsk_attribute_set_* call on the environment; an option left out sets nothing,
 * so GSKit's (gsk4j's) default applies.
 */
final class TlsOptions {
    @Option(names = {"--keyring", "--store"}, paramLabel = "FILE",
            description = "GSK_KEYRING_FILE: the certificate store (PKCS#12, JKS or PEM). *SYSTEM and IBM i paths"
                    + " (/QIBM/UserData/ICSS/...) resolve under the gsk4j home. Not set: GSKit uses *SYSTEM.")
    String keyring;

    @Option(names = "--label", paramLabel = "LABEL",
            description = "GSK_KEYRING_LABEL: the key to present. Default: the store's default key.")
    String label;

    @Option(names = "--password", paramLabel = "PASSWORD", arity = "1",
            description = "GSK_KEYRING_PW: the store password (prefer --password-file or --stash: command lines are visible to other users).")
    char[] password;

    @Option(names = "--password-file", paramLabel = "FILE", description = "GSK_KEYRING_PW read from the first line of FILE.")
    Path passwordFile;

    @Option(names = "--stash", paramLabel = "FILE", description = "GSK_KEYRING_STASH_FILE: a GSKit .sth file holding the store password.")
    String stash;

    @Option(names = "--app-id", paramLabel = "ID",
            description = "GSK_IBMI_APPLICATION_ID: take store, label and stash from an application definition"
                    + " (see 'gsk4j store register-app').")
    String applicationId;

    @Option(names = "--tls13", paramLabel = "on|off", description = "GSK_PROTOCOL_TLSV13 (default on).")
    OnOff tls13;

    @Option(names = "--tls12", paramLabel = "on|off", description = "GSK_PROTOCOL_TLSV12 (default on).")
    OnOff tls12;

    @Option(names = "--tls11", paramLabel = "on|off",
            description = "GSK_PROTOCOL_TLSV11 (default off; 'on' is accepted everywhere, as on IBM i, but negotiated only where"
                    + " the JDK allows TLS 1.1: a warning says when it does not).")
    OnOff tls11;

    @Option(names = "--tls10", paramLabel = "on|off",
            description = "GSK_PROTOCOL_TLSV10 (default off; 'on' is accepted everywhere, as on IBM i, but negotiated only where"
                    + " the JDK allows TLS 1.0: a warning says when it does not).")
    OnOff tls10;

    @Option(names = "--tls13-ciphers", paramLabel = "LIST",
            description = "GSK_TLSV13_CIPHER_SPECS_EX: comma-separated names, preferred first, e.g. TLS_AES_256_GCM_SHA384.")
    String tls13Ciphers;

    @Option(names = "--tls12-ciphers", paramLabel = "LIST",
            description = "GSK_TLSV12_CIPHER_SPECS_EX: comma-separated names, e.g. TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.")
    String tls12Ciphers;

    @Option(names = "--handshake-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "GSK_HANDSHAKE_TIMEOUT in seconds; 0 waits forever (GSKit's own default). Default: ${DEFAULT-VALUE}.")
    int handshakeTimeout;

    @Option(names = "--read-timeout", paramLabel = "MILLIS",
            description = "GSK_IBMI_READ_TIMEOUT in milliseconds; 0 waits forever. Default: 10000 (client), 30000 (server).")
    Integer readTimeout;

    @Option(names = "--validation-profile", paramLabel = "strict|rfc5280|jdk",
            description = "GSK4J_VALIDATION_PROFILE: how strictly the partner's chain is judged (docs/VALIDATION.md). Default: rfc5280, or what gsk4j.validation.profile or the application definition says.")
    Choices.Profile profile;

    @Option(names = "--max-chain-depth", paramLabel = "N",
            description = "GSK4J_MAX_CHAIN_DEPTH: most certificates below the trust anchor, 1 to 32. Default: 10.")
    Integer maxChainDepth;

    @Option(names = "--expected-hostname", paramLabel = "NAME",
            description = "GSK4J_EXPECTED_HOSTNAME: a DNS name or IP address the partner's certificate must name."
                    + " Default for client: the host connected to (or --sni), unless --no-hostname-check; for server: none"
                    + " (GSKit leaves host names to the application).")
    String expectedHostname;

    @Option(names = "--ocsp", description = "GSK_OCSP_ENABLE: ask the certificate's OCSP responder whether it is revoked"
            + " (revoked fails; unknown or unreachable passes).")
    boolean ocsp;

    @Option(names = "--ocsp-url", paramLabel = "URL", description = "GSK_OCSP_URL: ask this OCSP responder (switches OCSP on).")
    String ocspUrl;

    @Option(names = "--ocsp-timeout", paramLabel = "SECONDS", description = "GSK_OCSP_TIMEOUT (0 means gsk4j's 10 s).")
    Integer ocspTimeout;

    @Option(names = "--engine", paramLabel = "jsse|boringssl",
            description = "GSK4J_TLS_ENGINE: run the handshake on SunJSSE (jsse) or on BoringSSL through netty-tcnative"
                    + " (boringssl); an engine that cannot load falls back to jsse and the report says why."
                    + " Default: what the system property gsk4j.engine says, else jsse.")
    Choices.Engine engine;

    @Option(names = "--trace", description = "Print every gsk_* call with its return code.")
    boolean trace;

    @Option(names = "--json", description = "Print the result as JSON (one object per connection) instead of text.")
    boolean json;

    /** Checks what picocli cannot: ranges and combinations. */
    void validate(CommandLine cl) {
        if (handshakeTimeout < 0) {
            throw new ParameterException(cl, "--handshake-timeout must be 0 or more seconds");
        }
        if (readTimeout != null && readTimeout < 0) {
            throw new ParameterException(cl, "--read-timeout must be 0 or more milliseconds");
        }
    }

    /**
     * The library accepts a protocol switched on that the JDK disables and simply never
     * negotiates it (as IBM i does with QSSLPCL); the command says so instead of staying silent.
     */
    void warnAboutDisabledProtocols(PrintWriter err) {
        warnIfDisabled(err, "--tls10", tls10, TlsProtocol.TLSV10);
        warnIfDisabled(err, "--tls11", tls11, TlsProtocol.TLSV11);
    }

    private static void warnIfDisabled(PrintWriter err, String option, OnOff value, TlsProtocol protocol) {
        if (value == OnOff.ON && !TlsProtocol.enabledInThisRuntime().contains(protocol)) {
            err.println("gsk4j: warning: " + option + " on: this Java runtime disables " + protocol.jdkName()
                    + " (jdk.tls.disabledAlgorithms), so it is switched on but will not be negotiated");
        }
    }

    int readTimeoutOr(int commandDefault) {
        return readTimeout == null ? commandDefault : readTimeout;
    }

    /**
     * The password to set as GSK_KEYRING_PW, or null. On a terminal, a PKCS#12/JKS store given
     * without password, stash or application ID is worth a prompt; scripts never block on one.
     */
    char[] password(CommandLine cl) {
        char[] given = PasswordSource.fromOptions(cl, password, passwordFile, "--password");
        if (given != null || keyring == null || stash != null || applicationId != null || !needsPassword(keyring)) {
            return given;
        }
        return PasswordSource.prompt("Password for " + keyring + ": ");
    }

    /** A PEM store may be unencrypted; a missing file gets its error from GSKit, not a prompt. */
    private static boolean needsPassword(String keyring) {
        return Files.isRegularFile(Path.of(keyring)) && !isPemFile(keyring);
    }

    /** Whether the store file is PEM text (looked at, not guessed from the name). */
    static boolean isPemFile(String name) {
        try (InputStream in = Files.newInputStream(Path.of(name))) {
            return new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1).contains("-----BEGIN");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The environment's gsk_attribute_set_* calls, in the order a C program would make them.
     * Everything a session needs is set here once: sessions inherit it.
     */
    List<Setting> environmentSettings(Choices.SessionType sessionType, Choices.Auth auth, char[] storePassword, int readTimeoutMillis) {
        List<Setting> out = new ArrayList<>();
        out.add(Setting.enumValue("GSK_SESSION_TYPE", GSK_SESSION_TYPE, sessionType.gskName(), sessionType.gskValue()));
        if (engine != null) {
            out.add(Setting.enumValue("GSK4J_TLS_ENGINE", GSK4J_TLS_ENGINE, engine.gskName(), engine.gskValue()));
        }
        if (keyring != null) {
            out.add(Setting.buffer("GSK_KEYRING_FILE", GSK_KEYRING_FILE, keyring));
        }
        if (storePassword != null) {
            out.add(Setting.secret("GSK_KEYRING_PW", GSK_KEYRING_PW, new String(storePassword)));
        }
        if (stash != null) {
            out.add(Setting.buffer("GSK_KEYRING_STASH_FILE", GSK_KEYRING_STASH_FILE, stash));
        }
        if (label != null) {
            out.add(Setting.buffer("GSK_KEYRING_LABEL", GSK_KEYRING_LABEL, label));
        }
        if (applicationId != null) {
            out.add(Setting.buffer("GSK_IBMI_APPLICATION_ID", GSK_IBMI_APPLICATION_ID, applicationId));
        }
        protocol(out, "GSK_PROTOCOL_TLSV13", GSK_PROTOCOL_TLSV13, tls13);
        protocol(out, "GSK_PROTOCOL_TLSV12", GSK_PROTOCOL_TLSV12, tls12);
        protocol(out, "GSK_PROTOCOL_TLSV11", GSK_PROTOCOL_TLSV11, tls11);
        protocol(out, "GSK_PROTOCOL_TLSV10", GSK_PROTOCOL_TLSV10, tls10);
        if (tls13Ciphers != null) {
            out.add(Setting.buffer("GSK_TLSV13_CIPHER_SPECS_EX", GSK_TLSV13_CIPHER_SPECS_EX, tls13Ciphers));
        }
        if (tls12Ciphers != null) {
            out.add(Setting.buffer("GSK_TLSV12_CIPHER_SPECS_EX", GSK_TLSV12_CIPHER_SPECS_EX, tls12Ciphers));
        }
        if (auth != null) {
            if (sessionType.isServer()) {
                out.add(Setting.enumValue("GSK_CLIENT_AUTH_TYPE", GSK_CLIENT_AUTH_TYPE, "GSK_CLIENT_AUTH_" + auth.name(),
                        auth.clientAuthValue()));
            } else {
                out.add(Setting.enumValue("GSK_SERVER_AUTH_TYPE", GSK_SERVER_AUTH_TYPE, "GSK_SERVER_AUTH_" + auth.name(),
                        auth.serverAuthValue()));
            }
        }
        out.add(Setting.number("GSK_HANDSHAKE_TIMEOUT", GSK_HANDSHAKE_TIMEOUT, handshakeTimeout));
        out.add(Setting.number("GSK_IBMI_READ_TIMEOUT", GSK_IBMI_READ_TIMEOUT, readTimeoutMillis));
        if (profile != null) {
            out.add(Setting.enumValue("GSK4J_VALIDATION_PROFILE", GSK4J_VALIDATION_PROFILE, profile.gskName(), profile.gskValue()));
        }
        if (maxChainDepth != null) {
            out.add(Setting.number("GSK4J_MAX_CHAIN_DEPTH", GSK4J_MAX_CHAIN_DEPTH, maxChainDepth));
        }
        if (expectedHostname != null) {
            out.add(Setting.buffer("GSK4J_EXPECTED_HOSTNAME", GSK4J_EXPECTED_HOSTNAME, expectedHostname));
        }
        if (ocsp) {
            out.add(Setting.enumValue("GSK_OCSP_ENABLE", GSK_OCSP_ENABLE, "GSK_TRUE", GSK_TRUE));
        }
        if (ocspUrl != null) {
            out.add(Setting.buffer("GSK_OCSP_URL", GSK_OCSP_URL, ocspUrl));
        }
        if (ocspTimeout != null) {
            out.add(Setting.number("GSK_OCSP_TIMEOUT", GSK_OCSP_TIMEOUT, ocspTimeout));
        }
        return out;
    }

    private static void protocol(List<Setting> out, String name, int id, OnOff value) {
        if (value != null) {
            out.add(Setting.enumValue(name, id, value.gskName(), value.gskValue()));
        }
    }
}
