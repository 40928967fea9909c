package io.gsk4j.bench;

import java.util.ArrayList;
import java.util.List;

/** One measured situation; every stack runs it on the same loopback, certificates, protocol and suite. */
record Scenario(String name, Kind kind, Suite suite, boolean resumed, boolean upload) {

    /** What is measured, and in which unit. */
    enum Kind {
        /** Sequential connections on loopback: connect, handshake, one byte from the server, close. */
        HANDSHAKE("handshakes/s", "handshake", true),
        /** Client and server engines in one thread, no sockets: handshakes per CPU-second of that thread. */
        MEMORY("handshakes/CPU-s", "handshake", true),
        /** One connection, one direction, 16 KiB writes and reads; MB are 10^6 bytes. */
        BULK("MB/s", "MiB", true),
        /** 1 KiB written, echoed back, read: round-trip time percentiles. */
        ECHO("us", "echo", false),
        /** Heap per established idle session, both ends in this JVM, averaged over both ends. */
        HEAP("KiB", null, false);

        final String unit;
        final String op;
        final boolean higherIsBetter;

        Kind(String unit, String op, boolean higherIsBetter) {
            this.unit = unit;
            this.op = op;
            this.higherIsBetter = higherIsBetter;
        }
    }

    static final int BULK_CHUNK = 16 * 1024;
    static final int ECHO_SIZE = 1024;

    /** Every scenario, in the order they run. */
    static List<Scenario> all() {
        List<Scenario> out = new ArrayList<>();
        for (boolean resumed : new boolean[] {false, true}) {
            for (boolean tls13 : new boolean[] {true, false}) {
                for (CertKind cert : CertKind.values()) {
                    Suite s = new Suite(tls13, cert);
                    out.add(new Scenario("hs-" + (resumed ? "resumed-" : "full-") + s.tag(), Kind.HANDSHAKE, s, resumed, false));
                }
            }
        }
        Suite ec13 = new Suite(true, CertKind.ECDSA);
        out.add(new Scenario("mem-full-" + ec13.tag(), Kind.MEMORY, ec13, false, false));
        out.add(new Scenario("mem-full-tls13-rsa", Kind.MEMORY, new Suite(true, CertKind.RSA), false, false));
        out.add(new Scenario("mem-full-tls12-ecdsa", Kind.MEMORY, new Suite(false, CertKind.ECDSA), false, false));
        out.add(new Scenario("mem-resumed-" + ec13.tag(), Kind.MEMORY, ec13, true, false));
        for (boolean tls13 : new boolean[] {true, false}) {
            Suite s = new Suite(tls13, CertKind.ECDSA);
            out.add(new Scenario("bulk-download-" + s.tag(), Kind.BULK, s, false, false));
            out.add(new Scenario("bulk-upload-" + s.tag(), Kind.BULK, s, false, true));
        }
        out.add(new Scenario("echo-1k-" + ec13.tag(), Kind.ECHO, ec13, false, false));
        out.add(new Scenario("heap-idle-" + ec13.tag(), Kind.HEAP, ec13, false, false));
        return out;
    }

    /** The reported rows' names: an echo run gives two figures, its p50 and its p99. */
    List<String> rowNames() {
        if (kind == Kind.ECHO) {
            String rest = name.substring("echo-1k-".length());
            return List.of("echo-1k-p50-" + rest, "echo-1k-p99-" + rest);
        }
        return List.of(name);
    }
}
