package io.gsk4j.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The kernel's table of TCP sockets (Linux {@code /proc/net/tcp} and {@code tcp6}): how the
 * tests learn, without a probe connection, which port a peer server bound (its own choice,
 * port 0) and whether bytes sit unread in a peer's socket.
 */
final class ProcNetTcp {
    private static final Path TCP = Path.of("/proc/net/tcp");
    private static final Path TCP6 = Path.of("/proc/net/tcp6");
    private static final String LISTEN = "0A";

    /** One row: local and remote port, state (hex, 0A = LISTEN), unread bytes, socket inode. */
    record Row(boolean ipv6, int localPort, int remotePort, String state, long rxQueue, long inode) {
    }

    private ProcNetTcp() {
    }

    /** Skips the calling test where there is no /proc/net/tcp (not Linux): the peers' ports are read from it. */
    static void assumeAvailable() {
        assumeTrue(Files.isReadable(TCP), "the interop tests read the ports their peers chose from /proc/net/tcp (Linux)");
    }

    static List<Row> rows() {
        List<Row> out = new ArrayList<>();
        read(TCP, false, out);
        read(TCP6, true, out);
        return out;
    }

    private static void read(Path table, boolean ipv6, List<Row> out) {
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            return; // no IPv6 table, say
        }
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10) {
                continue;
            }
            String rx = f[4].substring(f[4].indexOf(':') + 1);
            out.add(new Row(ipv6, port(f[1]), port(f[2]), f[3], Long.parseLong(rx, 16), Long.parseLong(f[9])));
        }
    }

    private static int port(String hexAddress) {
        return Integer.parseInt(hexAddress.substring(hexAddress.indexOf(':') + 1), 16);
    }

    /** The IPv4 ports process {@code pid} listens on (its own sockets, found by inode), lowest first. */
    static List<Integer> listeningPorts(long pid) {
        Set<Long> inodes = socketInodes(pid);
        return rows().stream()
                .filter(r -> !r.ipv6() && r.state().equals(LISTEN) && inodes.contains(r.inode()))
                .map(Row::localPort).sorted().toList();
    }

    private static Set<Long> socketInodes(long pid) {
        Set<Long> out = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        out.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while we listed them
                }
            }
        } catch (IOException processGone) {
            // an exited process has no sockets
        }
        return out;
    }

    /** Whether bytes from our port {@code clientPort} sit unread in the socket on {@code serverPort}. */
    static boolean unreadAt(int serverPort, int clientPort) {
        return rows().stream().anyMatch(r -> r.localPort() == serverPort && r.remotePort() == clientPort && r.rxQueue() > 0);
    }
}
