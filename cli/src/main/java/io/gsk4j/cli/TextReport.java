package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.gsk_strerror;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints a {@link ConnectionReport} for people: one labelled line per fact, long text wrapped. */
final class TextReport {
    static final int WIDTH = 100;
    private static final String LABEL = "  %-14s";
    private static final String CERT_LABEL = "        %-10s";

    private TextReport() {
    }

    static void print(PrintWriter out, String heading, ConnectionReport r, boolean trace) {
        List<String> lines = new ArrayList<>();
        lines.add(heading);
        if (r.connectedTo != null) {
            lines.add(row("connected", r.connectedTo));
        }
        if (r.engine != null) {
            lines.add(wrapped("engine", EngineReport.text(r.engine)));
        }
        if (r.trustStore != null && r.trustStore.fallback()) {
            lines.add(wrapped("trust store", r.trustStore.file() + ", " + r.trustStore.description()));
        }
        if (r.startTls != null) {
            r.startTls.lines().forEach(l -> lines.add(row("starttls", l)));
        }
        if (r.startTls != null && !r.startTls.agreed()) {
            lines.add(wrapped("starttls", "refused: " + r.startTls.refusal()));
        } else if (r.stage == Facts.Stage.CONNECT) {
            lines.add(row("connect", "failed" + (r.connectErrno == null ? "" : ": errno " + r.connectErrno.posixName()
                    + " (" + r.connectErrno.code() + ")")));
        } else if (r.failure == null) {
            lines.add(row("handshake", "gsk_secure_soc_init = 0 GSK_OK"));
        } else {
            lines.add(row(stageLabel(r.stage), r.failure.call() + " = " + r.failure.result()));
            lines.add(wrapped("gsk_strerror", gsk_strerror(r.failure.rc())));
            if (r.failure.detail() != null) {
                lines.add(wrapped("detail", r.failure.detail()));
            }
        }
        if (r.negotiated != null) {
            lines.add(row("protocol", r.negotiated.protocol() + "   (GSK_PROTOCOL_USED = "
                    + Negotiated.protocolConstant(r.negotiated.protocolUsed()) + ")"));
            lines.add(row("cipher spec", r.negotiated.cipherSpec() + "   (GSK_CONNECT_CIPHER_SPEC_EX)"));
            if (r.negotiated.serverName() != null) {
                lines.add(row("server name", r.negotiated.serverName() + "   (GSK_SSL_EXTN_SERVERNAME)"));
            }
        }
        if (r.validationCode != null) {
            lines.add(row("validation", r.validationCode + " " + ValidationCodes.name(r.validationCode)
                    + "   (GSK_CERTIFICATE_VALIDATION_CODE)"));
            if (r.validationRule != null) {
                lines.add(row("rule", r.validationRule + " " + ValidationCodes.name(r.validationRule)
                        + "   (GSK_LAST_VALIDATION_ERROR)"));
                ValidationCodes.rule(r.validationRule).ifPresent(rule -> lines.add(wrapped("", rule)));
            }
        }
        chain(lines, r);
        if (r.certificateAuthorities != null) {
            lines.add(wrapped("client cert", "requested; the server accepts certificates from "
                    + Explanations.authoritiesText(r.certificateAuthorities)));
        }
        for (String note : r.notes) {
            lines.add(wrapped("note", note));
        }
        exchange(lines, r);
        if (r.explanation != null && !r.ok()) {
            lines.add(wrapped("why", r.explanation.what()));
            lines.add(wrapped("fix", r.explanation.fix()));
        }
        if (trace && r.transcript != null) {
            lines.add("  gsk_* calls");
            for (Transcript.Call c : r.transcript.calls()) {
                lines.add("    " + c.text() + " = " + Transcript.result(c.rc(), c.errno()));
            }
        }
        lines.add(result(r));
        synchronized (out) {
            lines.forEach(out::println);
            out.flush();
        }
    }

    private static String stageLabel(Facts.Stage stage) {
        return switch (stage == null ? Facts.Stage.HANDSHAKE : stage) {
            case SETUP -> "setup";
            case ENVIRONMENT -> "environment";
            case CONNECT -> "connect";
            case HANDSHAKE -> "handshake";
            case DATA -> "data";
        };
    }

    private static void chain(List<String> lines, ConnectionReport r) {
        if (r.chain.isEmpty()) {
            if (r.negotiated != null) {
                lines.add(row("partner chain", "none (the partner sent no certificate)"));
            }
            return;
        }
        String count = r.chain.size() == 1 ? "1 certificate" : r.chain.size() + " certificates";
        lines.add(wrapped("partner chain", count + (r.chainSource == null ? "" : ", " + r.chainSource)));
        for (int i = 0; i < r.chain.size(); i++) {
            CertSummary c = r.chain.get(i);
            lines.add(String.format("    [%d] %-10s%s", i, "subject", c.subject()));
            lines.add(certRow("issuer", c.issuer()));
            lines.add(certRow("valid", Explanations.day(c.notBefore()) + " to " + Explanations.day(c.notAfter())));
            lines.add(certRow("key", c.key()));
            if (!c.subjectAltNames().isEmpty()) {
                lines.add(certRow("SANs", String.join(", ", c.subjectAltNames())));
            }
            lines.add(certRow("SHA-256", c.sha256()));
        }
    }

    private static void exchange(List<String> lines, ConnectionReport r) {
        ConnectionReport.Exchange e = r.exchange;
        if (e == null) {
            return;
        }
        if (e.sent() > 0) {
            lines.add(row("sent", e.sent() + " bytes"));
        }
        if (e.received() != null) {
            lines.add(row("received", e.receivedBytes() + " bytes"));
            e.received().lines().forEach(line -> lines.add(String.format(LABEL, "") + "| " + line));
        }
        if (e.failure() != null) {
            lines.add(row("data", e.failure().call() + " = " + e.failure().result()));
        }
        if (e.note() != null) {
            lines.add(wrapped("data", e.note()));
        }
        if (r.dataExplanation != null) {
            lines.add(wrapped("why", r.dataExplanation.what()));
            lines.add(wrapped("fix", r.dataExplanation.fix()));
        }
    }

    private static String result(ConnectionReport r) {
        if (r.ok()) {
            Step data = r.exchange == null ? null : r.exchange.failure();
            return "result: OK, the handshake succeeded" + (data == null ? ""
                    : "; then " + data.call().replaceFirst("\\(.*", "") + " = " + data.result());
        }
        if (r.startTls != null && !r.startTls.agreed()) {
            return "result: FAILED, the server did not switch to TLS (no GSKit call was made)";
        }
        if (r.stage == Facts.Stage.CONNECT) {
            return "result: FAILED, no TCP connection (no GSKit call was made)";
        }
        return "result: FAILED, " + r.failure.rc() + " " + r.failure.statusName();
    }

    private static String row(String label, String value) {
        return String.format(LABEL, label) + value;
    }

    private static String certRow(String label, String value) {
        return String.format(CERT_LABEL, label) + (value == null ? "(absent)" : value);
    }

    /** A labelled row whose value wraps at {@link #WIDTH}, continuation lines under the value. */
    static String wrapped(String label, String value) {
        String first = String.format(LABEL, label);
        String indent = " ".repeat(first.length());
        StringBuilder out = new StringBuilder(first);
        int column = first.length();
        boolean lineStart = true;
        for (String word : value.split(" ")) {
            if (!lineStart && column + 1 + word.length() > WIDTH) {
                out.append('\n').append(indent);
                column = indent.length();
                lineStart = true;
            }
            if (!lineStart) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
            lineStart = false;
        }
        return out.toString();
    }
}
