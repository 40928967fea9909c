package io.gsk4j.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gsk4j.CipherSpec;
import io.gsk4j.TlsProtocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The third-party programs the interop tests run, found on PATH, and what each of them can
 * do (version, cipher suites), asked once per run. A test that needs a missing program is
 * skipped with a message naming the package to install; {@code .ci/run} installs them.
 */
final class Peers {
    static final String OPENSSL = "openssl";
    static final String GNUTLS_SERV = "gnutls-serv";
    static final String GNUTLS_CLI = "gnutls-cli";

    /**
     * The GnuTLS priority the tests start from: NORMAL plus the CBC suites with SHA-256/384
     * MACs that NORMAL leaves out but IBM i and the JDK both offer.
     */
    static final String GNUTLS_BASE_PRIORITY = "NORMAL:+SHA256:+SHA384";

    private static final Map<String, Optional<Path>> FOUND = new ConcurrentHashMap<>();
    private static final Map<String, String> VERSIONS = new ConcurrentHashMap<>();
    private static final Map<String, Set<CipherSpec>> SUITES = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> TRACE = new ConcurrentHashMap<>();

    private Peers() {
    }

    static Optional<Path> find(String program) {
        return FOUND.computeIfAbsent(program, p -> {
            String path = System.getenv("PATH");
            if (path == null) {
                return Optional.empty();
            }
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, p);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        });
    }

    /** Skips the calling test, with the reason, when {@code program} is not installed. */
    static void assume(String program) {
        String pkg = program.equals(OPENSSL) ? "openssl" : "gnutls-bin";
        assumeTrue(find(program).isPresent(), () -> "interop peer '" + program + "' is not on PATH: install the Debian package "
                + pkg + " (.ci/run does) to run this case");
    }

    /**
     * Skips the calling test unless openssl is installed and built with ssl-trace: its
     * {@code -trace} output is how the tests read what OpenSSL negotiated and which alerts it
     * sent and received.
     */
    static void assumeOpenSslWithTrace() {
        assume(OPENSSL);
        assumeTrue(TRACE.computeIfAbsent(OPENSSL, p -> {
            Process proc = null;
            try {
                proc = new ProcessBuilder(OPENSSL, "s_client", "-help").redirectErrorStream(true).start();
                proc.getOutputStream().close();
                String help = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                proc.waitFor(20, TimeUnit.SECONDS);
                return help.contains("-trace");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                if (proc != null) {
                    proc.destroyForcibly();
                }
            }
        }), "this openssl (" + version(OPENSSL) + ") is built without ssl-trace (no -trace option); Debian's is not");
    }

    static boolean has(String program) {
        return find(program).isPresent();
    }

    /** One-line version of an installed peer, e.g. "OpenSSL 3.0.19 27 Jan 2026". */
    static String version(String program) {
        return VERSIONS.computeIfAbsent(program, p -> {
            if (find(p).isEmpty()) {
                return "not installed";
            }
            String out = p.equals(OPENSSL) ? run(p, "version") : run(p, "--version");
            return out.lines().findFirst().orElse("?").strip();
        });
    }

    /**
     * The suites of gsk4j's table this peer can negotiate for {@code protocol} when told to
     * allow everything it has (OpenSSL: ALL at security level 0; GnuTLS: the base priority).
     */
    static Set<CipherSpec> suites(String peer, TlsProtocol protocol) {
        return SUITES.computeIfAbsent(peer + "/" + protocol, k -> {
            Set<CipherSpec> out = EnumSet.noneOf(CipherSpec.class);
            if (peer.equals(OPENSSL)) {
                String list = protocol == TlsProtocol.TLSV13
                        ? run(OPENSSL, "ciphers", "-stdname", "-s", "-tls1_3")
                        : run(OPENSSL, "ciphers", "-stdname", "-s", "-tls1_2", "ALL:@SECLEVEL=0");
                for (String line : list.split("\n")) {
                    String std = line.strip().split("\\s+")[0];
                    CipherSpec.fromName(std).filter(c -> c.protocols().contains(protocol)).ifPresent(out::add);
                }
            } else {
                String vers = protocol == TlsProtocol.TLSV13 ? "+VERS-TLS1.3" : "+VERS-TLS1.2";
                String lister = has(GNUTLS_CLI) ? GNUTLS_CLI : GNUTLS_SERV; // both take --list --priority
                String list = run(lister, "--list", "--priority", GNUTLS_BASE_PRIORITY + ":-VERS-ALL:" + vers);
                Pattern row = Pattern.compile("^\\S+\\s+0x([0-9a-fA-F]{2}), 0x([0-9a-fA-F]{2})\\s+(\\S+)", Pattern.MULTILINE);
                Matcher m = row.matcher(list);
                while (m.find()) {
                    int code = Integer.parseInt(m.group(1) + m.group(2), 16);
                    byCode(code).filter(c -> c.protocols().contains(protocol)).ifPresent(out::add);
                }
            }
            return Set.copyOf(out);
        });
    }

    static Optional<CipherSpec> byCode(int iana) {
        for (CipherSpec c : CipherSpec.values()) {
            if (c.ianaCode() == iana) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Runs a short query command (bounded to 20 s) and returns its stdout. */
    static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command[0], e);
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
