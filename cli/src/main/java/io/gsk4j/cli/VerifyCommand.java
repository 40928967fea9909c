package io.gsk4j.cli;

import io.gsk4j.ChainCheck;
import io.gsk4j.Environment;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.internal.certs.StoreLocations;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gsk4j verify CHAIN.pem}: validates a chain against a store's trusted certificates with
 * the validator a handshake uses (io.gsk4j.ChainCheck), without a peer, and explains a refusal
 * as {@code gsk4j client} does.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Validates a certificate chain (PEM, the end-entity certificate first) against a store's trusted"
                + " certificates as a handshake would, at a chosen time, for a host name and profile; explains a refusal.")
final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CHAIN.pem", description = "The chain: the end-entity certificate first, then any intermediates.")
    private Path chainFile;

    @Option(names = {"--store", "--keyring"}, paramLabel = "FILE",
            description = "GSK_KEYRING_FILE: the store whose trusted certificates are the anchors. Not set: *SYSTEM.")
    private String store;

    @Option(names = "--password", paramLabel = "PASSWORD", arity = "1", description = "GSK_KEYRING_PW: the store password.")
    private char[] password;

    @Option(names = "--password-file", paramLabel = "FILE", description = "GSK_KEYRING_PW read from the first line of FILE.")
    private Path passwordFile;

    @Option(names = "--stash", paramLabel = "FILE", description = "GSK_KEYRING_STASH_FILE: a GSKit .sth file holding the store password.")
    private String stash;

    @Option(names = "--app-id", paramLabel = "ID", description = "GSK_IBMI_APPLICATION_ID: the store (and profile) of an application definition.")
    private String applicationId;

    @Option(names = "--at", paramLabel = "TIME", description = "The validation time, ISO-8601 (2026-12-01T08:00:00Z). Default: now.")
    private String at;

    @Option(names = "--host", paramLabel = "NAME", description = "A DNS name or IP address the certificate must name (GSK4J_EXPECTED_HOSTNAME).")
    private String host;

    @Option(names = "--profile", paramLabel = "strict|rfc5280|jdk",
            description = "GSK4J_VALIDATION_PROFILE. Default: rfc5280, or what gsk4j.validation.profile or the application definition says.")
    private Choices.Profile profile;

    @Option(names = "--purpose", paramLabel = "server|client", description = "What the certificate is for. Default: server.")
    private String purpose = "server";

    @Option(names = "--max-chain-depth", paramLabel = "N", description = "GSK4J_MAX_CHAIN_DEPTH: certificates below the trust anchor, 1 to 32. Default: 10.")
    private Integer maxDepth;

    @Option(names = "--crl", paramLabel = "FILE", description = "A CRL file (PEM or DER) to check against (GSK4J_CRL_FILES); repeatable.")
    private List<Path> crls;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws CommandFailure {
        List<X509Certificate> chain = readChain();
        Instant when = time();
        ChainCheck.Purpose side = switch (purpose.toLowerCase(Locale.ROOT)) {
            case "server" -> ChainCheck.Purpose.SERVER;
            case "client" -> ChainCheck.Purpose.CLIENT;
            default -> throw new ParameterException(spec.commandLine(), "--purpose is server or client, not '" + purpose + "'");
        };
        PrintWriter out = spec.commandLine().getOut();
        Facts facts = new Facts();
        facts.server = side == ChainCheck.Purpose.CLIENT; // the partner whose chain is judged
        facts.store = store != null ? store : applicationId != null ? "the store of application " + applicationId : "*SYSTEM";
        facts.applicationId = applicationId;
        facts.host = host;
        facts.now = when;
        try (Environment env = environment()) {
            try {
                env.init();
            } catch (GskException e) {
                facts.stage = Facts.Stage.ENVIRONMENT;
                facts.detail = e.detail();
                facts.factsKnown = true;
                facts.storeProblem = e.storeProblem().orElse(null);
                report(out, e.code(), 0, facts);
                return Main.FAILURE;
            }
            ChainCheck check = ChainCheck.against(env).at(when).purpose(side);
            if (host != null) {
                check.hostname(host);
            }
            if (profile != null) {
                check.profile(profile == Choices.Profile.STRICT ? EnumValue.GSK4J_VALIDATION_PROFILE_STRICT
                        : profile == Choices.Profile.JDK ? EnumValue.GSK4J_VALIDATION_PROFILE_JDK : EnumValue.GSK4J_VALIDATION_PROFILE_RFC5280);
            }
            if (maxDepth != null) {
                check.maxDepth(maxDepth);
            }
            ChainCheck.Result r = check.check(chain);
            if (r.ok()) {
                out.println("valid: the chain of \"" + chain.get(0).getSubjectX500Principal().getName() + "\" is trusted at " + when);
                out.flush();
                return 0;
            }
            facts.detail = r.detail();
            facts.validationCode = r.validationCode();
            facts.factsKnown = true;
            facts.refusedBy = io.gsk4j.Party.LOCAL;
            facts.problem = r.problem().orElse(null);
            facts.chain = Facts.summaries(chain);
            report(out, r.status().code(), r.validationCode(), facts);
            if (r.passableInPassthru()) {
                out.println(TextReport.wrapped("passthru", "GSK_SERVER_AUTH_PASSTHRU would let a session start with this chain"));
            }
            out.flush();
            return Main.FAILURE;
        } catch (GskException e) {
            throw new CommandFailure(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static void report(PrintWriter out, int status, int validationCode, Facts facts) {
        out.println("refused: " + status + " " + GskStatus.nameOf(status)
                + (validationCode != 0 && validationCode != status ? " (validation code " + validationCode + ")" : ""));
        if (facts.detail != null) {
            out.println(TextReport.wrapped("detail", facts.detail));
        }
        Explanation e = Explanations.explain(status, facts);
        out.println(TextReport.wrapped("likely cause", e.what()));
        out.println(TextReport.wrapped("fix", e.fix()));
    }

    private Environment environment() throws GskException {
        Environment env = Environment.open(StoreLocations.defaults());
        env.set(EnumAttribute.GSK_SESSION_TYPE, EnumValue.GSK_CLIENT_SESSION);
        if (store != null) {
            env.set(BufferAttribute.GSK_KEYRING_FILE, store);
        }
        char[] pw = PasswordSource.fromOptions(spec.commandLine(), password, passwordFile, "--password");
        if (pw != null) {
            env.set(BufferAttribute.GSK_KEYRING_PW, new String(pw));
            Arrays.fill(pw, '\0');
        }
        if (stash != null) {
            env.set(BufferAttribute.GSK_KEYRING_STASH_FILE, stash);
        }
        if (applicationId != null) {
            env.set(BufferAttribute.GSK_IBMI_APPLICATION_ID, applicationId);
        }
        if (crls != null && !crls.isEmpty()) {
            env.set(BufferAttribute.GSK4J_CRL_FILES, String.join(File.pathSeparator, crls.stream().map(Path::toString).toList()));
        }
        return env;
    }

    private List<X509Certificate> readChain() throws CommandFailure {
        byte[] content;
        try {
            content = Files.readAllBytes(chainFile);
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + chainFile + ": " + e.getMessage());
        }
        List<X509Certificate> certs = PemFiles.read(chainFile.toString(), content, null).certificates();
        if (certs.isEmpty()) {
            throw new CommandFailure(chainFile + " holds no PEM certificate");
        }
        return certs;
    }

    private Instant time() {
        if (at == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--at wants an ISO-8601 instant such as 2026-12-01T08:00:00Z, not '" + at + "'");
        }
    }
}
