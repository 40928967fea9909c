package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.*;

import io.gsk4j.CipherSpec;
import io.gsk4j.TlsProtocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Learns which protocols and cipher suites a server accepts, the way scanners do: offer every
 * suite this runtime has for one protocol, note the one the server picks, offer the rest
 * again, until the server refuses. Costs one connection per accepted suite plus one per
 * protocol.
 */
final class SuiteProbe {
    static final int MAX_CONNECTIONS = 40;
    private static final Set<String> PROTOCOL_AND_CIPHER_ATTRIBUTES = Set.of("GSK_PROTOCOL_TLSV13", "GSK_PROTOCOL_TLSV12",
            "GSK_PROTOCOL_TLSV11", "GSK_PROTOCOL_TLSV10", "GSK_TLSV13_CIPHER_SPECS_EX", "GSK_TLSV12_CIPHER_SPECS_EX");

    private int connections;

    /** Protocol ("TLS 1.3") to the suites the server accepted, in the order it picked them. */
    record Findings(Map<String, List<String>> accepted, int connections) {
    }

    static Findings run(Probe.Base base) {
        SuiteProbe probe = new SuiteProbe();
        Map<String, List<String>> accepted = new LinkedHashMap<>();
        for (TlsProtocol p : new TlsProtocol[] {TlsProtocol.TLSV13, TlsProtocol.TLSV12}) {
            if (TlsProtocol.enabledInThisRuntime().contains(p)) {
                List<String> found = probe.acceptedSuites(base, p);
                if (!found.isEmpty()) {
                    accepted.put(label(p), found);
                }
            }
        }
        return new Findings(accepted, probe.connections);
    }

    /** The suites this runtime can offer for a protocol (all of them, not only the defaults). */
    static List<String> candidates(TlsProtocol p) {
        List<String> out = new ArrayList<>();
        for (CipherSpec c : CipherSpec.values()) {
            if (c.protocols().contains(p) && c.isEnabledByJdk()) {
                out.add(c.gskName());
            }
        }
        return out;
    }

    static String label(TlsProtocol p) {
        return p == TlsProtocol.TLSV13 ? "TLS 1.3" : p == TlsProtocol.TLSV12 ? "TLS 1.2" : p.secType();
    }

    private List<String> acceptedSuites(Probe.Base base, TlsProtocol p) {
        List<String> remaining = candidates(p);
        List<String> accepted = new ArrayList<>();
        while (!remaining.isEmpty() && connections < MAX_CONNECTIONS) {
            connections++;
            Probe.Result r = Probe.run(base, overrides(p, remaining), PROTOCOL_AND_CIPHER_ATTRIBUTES);
            if (!r.ok() || !remaining.remove(r.negotiated().cipherSpec())) {
                break;
            }
            accepted.add(r.negotiated().cipherSpec());
        }
        return accepted;
    }

    private static List<Setting> overrides(TlsProtocol p, List<String> suites) {
        boolean tls13 = p == TlsProtocol.TLSV13;
        List<Setting> out = new ArrayList<>();
        out.add(Setting.enumValue("GSK_PROTOCOL_TLSV13", GSK_PROTOCOL_TLSV13, tls13 ? "GSK_TRUE" : "GSK_FALSE", tls13 ? GSK_TRUE : GSK_FALSE));
        out.add(Setting.enumValue("GSK_PROTOCOL_TLSV12", GSK_PROTOCOL_TLSV12, tls13 ? "GSK_FALSE" : "GSK_TRUE", tls13 ? GSK_FALSE : GSK_TRUE));
        String list = String.join(",", suites);
        out.add(tls13 ? Setting.buffer("GSK_TLSV13_CIPHER_SPECS_EX", GSK_TLSV13_CIPHER_SPECS_EX, list)
                : Setting.buffer("GSK_TLSV12_CIPHER_SPECS_EX", GSK_TLSV12_CIPHER_SPECS_EX, list));
        return out;
    }
}
