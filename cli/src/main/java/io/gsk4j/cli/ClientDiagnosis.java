package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.*;

import io.gsk4j.Errno;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/**
 * After a failed client handshake: extra connections that make the explanation specific. A
 * chain this client refused comes with the failure; when the failure has none (the server
 * refused, or the chain was not judged) one PASSTHRU connection fetches it; a cipher or
 * protocol mismatch is narrowed down by {@link SuiteProbe}; a port that is not TLS is looked
 * at in plain text. The status itself stays the one the first gsk_secure_soc_init returned.
 */
final class ClientDiagnosis {
    private ClientDiagnosis() {
    }

    static void run(Probe.Base base, Facts facts, ConnectionReport report, PrintWriter err) {
        int rc = report.failure.rc();
        if (report.chain.isEmpty() && facts.problem != null && !facts.chain.isEmpty()) {
            report.chain = facts.chain; // the refused chain, kept with the failure: no second connection
            report.chainSource = facts.chainSource;
        }
        if (report.chain.isEmpty() && (rc == GSK_IBMI_ERROR_NOT_TRUSTED_ROOT || rc == GSK_KEYFILE_CERT_EXPIRED
                || rc == GSK_ERROR_CERT_VALIDATION || rc == GSK_ERROR_UNSUPPORTED_CERTIFICATE_TYPE
                || rc == GSK_ERROR_BAD_CERTIFICATE && facts.validationCode != 0)) {
            fetchChain(base, facts, report, err);
        }
        if (rc == GSK_ERROR_NO_CIPHERS || rc == GSK_ERROR_UNSUPPORTED || rc == GSK_ERROR_SOCKET_CLOSED
                || rc == GSK_ERROR_IO && facts.errno == Errno.ECONNRESET) {
            SuiteProbe.Findings found = Progress.run(err, "probing which protocols and cipher suites the server accepts",
                    () -> SuiteProbe.run(base));
            facts.accepted = found.accepted();
            report.notes.add("probed the server with " + found.connections() + " more connection"
                    + (found.connections() == 1 ? "" : "s") + " (one protocol at a time, GSK_SERVER_AUTH_PASSTHRU): "
                    + (found.accepted().isEmpty() ? "it accepted none of the suites this runtime can offer"
                    : "it accepts " + Explanations.listsText(found.accepted())));
            if (found.accepted().values().stream().allMatch(List::isEmpty)) {
                legacy(base, facts, report, err);
            }
        }
        if (rc == GSK_ERROR_BAD_MESSAGE) {
            facts.plaintextReply = Progress.run(err, "looking at what the port says in plain text",
                    () -> PlaintextProbe.look(base.target(), base.connectTimeoutSeconds()));
            if (facts.plaintextReply != null) {
                report.notes.add("a second, plain TCP connection to the port shows: " + facts.plaintextReply);
            }
        }
    }

    /** The server took nothing this runtime offers: does it speak a protocol the runtime disables? */
    private static void legacy(Probe.Base base, Facts facts, ConnectionReport report, PrintWriter err) {
        String name = base.target().isIpLiteral() ? null : base.target().host();
        facts.legacy = Progress.run(err, "asking the server for TLS 1.1, 1.0 and SSL 3.0 with a hand-made ClientHello",
                () -> LegacyProbe.run(base.target(), name, base.connectTimeoutSeconds())).orElse(null);
        report.notes.add(facts.legacy == null
                ? "a hand-made ClientHello offering TLS 1.1 (then SSL 3.0) got no ServerHello either"
                : "a hand-made ClientHello offering TLS 1.1 (one plain TCP connection, no handshake completed) was answered"
                        + " with a " + facts.legacy.displayName() + " ServerHello, suite " + facts.legacy.cipherSuiteHex());
    }

    private static void fetchChain(Probe.Base base, Facts facts, ConnectionReport report, PrintWriter err) {
        Probe.Result r = Progress.run(err, "fetching the server's chain with a second connection",
                () -> Probe.run(base, List.of(), Set.of()));
        if (r.ok() && !r.negotiated().partnerChain().isEmpty()) {
            report.chain = r.negotiated().partnerChain();
            report.chainSource = "as the server sent it, fetched by a second connection with GSK_SERVER_AUTH_PASSTHRU and"
                    + " the JDK validation profile (a failed handshake keeps no chain)";
            facts.chain = report.chain;
        } else {
            report.notes.add("a second connection with GSK_SERVER_AUTH_PASSTHRU to fetch the server's chain failed too: "
                    + (r.failure() == null ? "the server sent no certificate" : r.failure().result()));
        }
    }
}
