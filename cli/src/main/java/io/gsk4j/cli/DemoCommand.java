package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.*;

import io.gsk4j.compat.CertDataElem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code gsk4j demo}: a GSKit server and client talk over loopback through the C-shaped API,
 * then three everyday failures show the exact return codes a GSKit program would see.
 * Exits 0 only when the secure session worked and each failure gave its expected code.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "Runs a GSKit server and client on 127.0.0.1 and shows three everyday failures.",
        description = "Creates throw-away certificates in a temp folder, connects a GSKit server session and a"
                + " client session over loopback (no other network), prints every gsk_* call with its return code,"
                + " then provokes an untrusted root, an expired certificate and a cipher mismatch."
                + " Exits 0 when everything behaved as expected, 1 otherwise.")
final class DemoCommand implements Callable<Integer> {
    private static final String TLS13_CLIENT = "TLS_AES_128_GCM_SHA256";
    private static final String TLS13_SERVER_ONLY = "TLS_AES_256_GCM_SHA384";

    /** A failure worth showing: how to provoke it and the code the client program must get. */
    private record Failure(String title, String story, GskPeer.Config server, GskPeer.Config client, int expected) {
    }

    @Spec
    private CommandSpec spec;

    private final List<String> summary = new ArrayList<>();
    private final List<String> differences = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("gsk4j-demo-");
        try {
            DemoPki.Stores stores = DemoPki.create(dir);
            out.println("gsk4j demo: a GSKit server and client on 127.0.0.1, written against the C-shaped API (io.gsk4j.compat)");
            printSetup(out, dir, stores);
            secureSession(out, stores);
            int part = 2;
            for (Failure failure : failures(stores)) {
                failure(out, part++, failure);
            }
            printSummary(out);
            return differences.isEmpty() ? 0 : 1;
        } finally {
            deleteTree(dir);
        }
    }

    private static List<Failure> failures(DemoPki.Stores stores) {
        return List.of(
                new Failure("Untrusted root",
                        "The client's store trusts only \"gsk4j Other CA\"; the server's certificate comes from \"gsk4j Demo CA\".",
                        GskPeer.Config.server(stores.server()), GskPeer.Config.client(stores.otherTrust()),
                        GSK_IBMI_ERROR_NOT_TRUSTED_ROOT),
                new Failure("Expired certificate",
                        "The server presents a certificate from the trusted demo CA whose notAfter was yesterday.",
                        GskPeer.Config.server(stores.expiredServer()), GskPeer.Config.client(stores.clientTrust()),
                        GSK_KEYFILE_CERT_EXPIRED),
                new Failure("No common cipher",
                        "Both sides allow TLS 1.3 only; the client offers " + TLS13_CLIENT + ", the server accepts only "
                                + TLS13_SERVER_ONLY + ".",
                        GskPeer.Config.server(stores.server()).tls13Only(TLS13_SERVER_ONLY),
                        GskPeer.Config.client(stores.clientTrust()).tls13Only(TLS13_CLIENT),
                        GSK_ERROR_NO_CIPHERS));
    }

    // ---- parts ----

    private static void printSetup(PrintWriter out, Path dir, DemoPki.Stores stores) {
        heading(out, "Setup (throw-away PKCS#12 stores, password \"" + DemoPki.PASSWORD + "\")");
        row(out, "<tmp>", dir + " (deleted at the end)");
        row(out, "demo CA", stores.ca().getSubjectX500Principal().getName());
        row(out, "server.p12", "key \"" + DemoPki.SERVER_LABEL + "\": " + stores.serverCertificate().getSubjectX500Principal().getName()
                + ", issued by the demo CA");
        row(out, "expired-server.p12", "key \"" + DemoPki.SERVER_LABEL + "\": the same name, expired yesterday");
        row(out, "client-trust.p12", "trusts the demo CA");
        row(out, "other-trust.p12", "trusts an unrelated CA only");
    }

    private void secureSession(PrintWriter out, DemoPki.Stores stores) throws IOException, InterruptedException {
        heading(out, "1. A secure session on loopback: the server runs in its own thread");
        Connection.Outcome o = Connection.run(GskPeer.Config.server(stores.server()).ciphers(TLS13_CLIENT),
                GskPeer.Config.client(stores.clientTrust()));
        o.transcript().printBySide(out, "  ");
        out.println();
        out.println("  negotiated");
        row(out, "  protocol", protocolText(o.protocolUsed()));
        row(out, "  cipher spec", o.cipherSpec() + "   (GSK_CONNECT_CIPHER_SPEC_EX)");
        out.println("  partner certificate (GSK_PARTNER_CERT_INFO, " + o.partnerCertificate().size() + " elements)");
        List<CertDataElem> cert = o.partnerCertificate();
        row(out, "  subject", field(cert, CERT_DN_PRINTABLE));
        row(out, "  issuer", field(cert, CERT_ISSUER_DN_PRINTABLE));
        row(out, "  valid from", field(cert, CERT_VALID_FROM));
        row(out, "  valid to", field(cert, CERT_VALID_TO));
        row(out, "  SHA-256", field(cert, CERT_FINGERPRINT));
        out.println("  messages");
        row(out, "  client -> server", quoted(o.serverReceived()));
        row(out, "  server -> client", quoted(o.clientReceived()));

        boolean ok = o.fullySuccessful() && o.cipherSpec() != null && !cert.isEmpty();
        if (o.problem() != null) {
            out.println("  problem: " + o.problem());
        }
        summary.add(String.format("%-22s %s", "secure session", ok ? "ok" : "DIFFERS"));
        if (!ok) {
            differences.add("the secure session did not complete with GSK_OK on every call and both messages delivered");
        }
    }

    private void failure(PrintWriter out, int number, Failure f) throws IOException, InterruptedException {
        heading(out, number + ". " + f.title());
        out.println("  " + f.story());
        Connection.Outcome o = Connection.run(f.server(), f.client());
        o.transcript().printFailures(out, "  ");
        Integer got = o.client().initResult();
        if (o.server().initResult() == null) {
            out.println("  server  never reached gsk_secure_soc_init");
        }
        if (o.problem() != null) {
            out.println("  problem: " + o.problem());
        }
        boolean ok = got != null && got == f.expected();
        String verdict = ok ? "ok" : "DIFFERS (expected " + Transcript.result(f.expected(), "") + ")";
        out.println("  expected from the client: " + Transcript.result(f.expected(), "") + " -> " + (ok ? "ok" : "DIFFERS"));
        summary.add(String.format("%-22s %-42s %s", f.title().toLowerCase(Locale.ROOT),
                got == null ? "-" : Transcript.result(got, ""), verdict));
        if (!ok) {
            differences.add(f.title() + ": expected the client's gsk_secure_soc_init to return "
                    + Transcript.result(f.expected(), "") + ", got " + (got == null ? "nothing" : Transcript.result(got, "")));
        }
    }

    private void printSummary(PrintWriter out) {
        heading(out, "Summary");
        summary.forEach(line -> out.println("  " + line));
        out.println();
        if (differences.isEmpty()) {
            out.println("Every part behaved as expected.");
        } else {
            out.println("What differed:");
            differences.forEach(d -> out.println("  - " + d));
        }
        out.flush();
    }

    // ---- formatting ----

    private static void heading(PrintWriter out, String title) {
        out.println();
        out.println(title);
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("  %-20s %s%n", label, value);
    }

    private static String field(List<CertDataElem> elements, int id) {
        Optional<CertDataElem> e = elements.stream().filter(x -> x.cert_data_id == id).findFirst();
        return e.map(CertDataElem::text).orElse("(absent)");
    }

    private static String quoted(String s) {
        return s == null ? "(nothing received)" : "\"" + s + "\"";
    }

    /** GSK_PROTOCOL_USED as people say it, with the C value and name. */
    static String protocolText(int value) {
        if (value == -1) {
            return "(not known: the call failed)";
        }
        String[] names = switch (value) {
            case GSK_PROTOCOL_USED_TLSV13 -> new String[] {"TLS 1.3", "GSK_PROTOCOL_USED_TLSV13"};
            case GSK_PROTOCOL_USED_TLSV12 -> new String[] {"TLS 1.2", "GSK_PROTOCOL_USED_TLSV12"};
            case GSK_PROTOCOL_USED_TLSV11 -> new String[] {"TLS 1.1", "GSK_PROTOCOL_USED_TLSV11"};
            case GSK_PROTOCOL_USED_TLSV1 -> new String[] {"TLS 1.0", "GSK_PROTOCOL_USED_TLSV1"};
            default -> new String[] {"unknown", "not a protocol value"};
        };
        return names[0] + "   (GSK_PROTOCOL_USED = " + value + " " + names[1] + ")";
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temp folder is not worth failing the demo for
        }
    }
}
