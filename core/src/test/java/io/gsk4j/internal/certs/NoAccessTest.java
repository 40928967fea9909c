package io.gsk4j.internal.certs;

import static io.gsk4j.internal.certs.CertsFixture.SERVER;
import static io.gsk4j.internal.certs.CertsFixture.assertStatus;
import static io.gsk4j.internal.certs.CertsFixture.pw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gsk4j.GskStatus;
import io.gsk4j.StoreLocations;
import io.gsk4j.testpki.TestPki;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No authority to the store must give 6003, for real: chmod 000 does not stop root, so as
 * root the check runs in a child JVM switched to user nobody with setpriv.
 */
class NoAccessTest {
    private static final int NOBODY = 65534;
    private static final long CHILD_TIMEOUT_SECONDS = 30;

    @TempDir
    Path dir;

    @Test
    void unreadableStoreAndUnsearchableDirectory() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "needs POSIX file permissions to take read access away");
        Path home = Files.createDirectory(dir.resolve("home"));
        Path store = TestPki.pkcs12().key("server", SERVER).write(home.resolve("locked.p12"), pw("pw"));
        Path hidden = Files.createDirectory(home.resolve("hidden"));
        Path inHidden = TestPki.pkcs12().key("server", SERVER).write(hidden.resolve("inside.p12"), pw("pw"));
        Path open = TestPki.pkcs12().key("server", SERVER).write(home.resolve("open.p12"), pw("pw"));

        chmod(dir, "rwxr-xr-x");
        chmod(home, "rwxr-xr-x");
        chmod(open, "rw-r--r--");
        chmod(inHidden, "rw-r--r--");
        chmod(store, "---------");
        chmod(hidden, "rwx------"); // readable file, but nobody may not search its directory
        try {
            if (!Files.isReadable(store)) {
                // an ordinary user: the permission bits apply to us
                assertStatus(GskStatus.GSK_IBMI_ERROR_NO_ACCESS, () -> load(home, store));
                chmod(hidden, "---------");
                assertStatus(GskStatus.GSK_IBMI_ERROR_NO_ACCESS, () -> load(home, inHidden));
                return;
            }
            // root (or CAP_DAC_OVERRIDE): only another user sees the permission bits
            List<Integer> codes = runAsNobody(home, store, inHidden, open);
            assertEquals(List.of(GskStatus.GSK_IBMI_ERROR_NO_ACCESS.code(), GskStatus.GSK_IBMI_ERROR_NO_ACCESS.code(),
                    GskStatus.GSK_NO_KEYFILE_PASSWORD.code()), codes,
                    "locked file, file in an unsearchable directory, readable file (gets as far as the password)");
        } finally {
            chmod(hidden, "rwx------");
            chmod(store, "rw-------");
        }
    }

    private static void load(Path home, Path store) throws Exception {
        StoreLoader.load(new StoreRequest(store.toString(), pw("pw"), null, null, null, StoreLocations.under(home)));
    }

    private List<Integer> runAsNobody(Path home, Path... stores) throws Exception {
        Path setpriv = Stream.of("/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv")
                .map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(setpriv != null, "running as root and setpriv (util-linux) is not installed: cannot drop to user nobody");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = copyClassPath(Files.createDirectory(dir.resolve("cp")));

        List<String> command = new ArrayList<>(List.of(setpriv.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", java.toString(), "-XX:-UsePerfData", "-Xshare:auto",
                "-cp", classPath, NoAccessProbe.class.getName(), home.toString()));
        for (Path store : stores) {
            command.add(store.toString());
        }
        Path output = dir.resolve("probe.out");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            boolean finished = child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertTrue(finished, "probe JVM did not finish within " + CHILD_TIMEOUT_SECONDS + " s: " + text);
            assumeTrue(!text.contains("setpriv:"), "setpriv cannot switch users here: " + text);
            assertEquals(0, child.exitValue(), "probe JVM failed: " + text);
            List<Integer> codes = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("STATUS ")) {
                    codes.add(Integer.parseInt(line.trim().split(" ")[2]));
                }
            }
            return codes;
        } finally {
            child.destroyForcibly();
            child.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /**
     * Surefire's class path may sit under /root or a private build directory that nobody
     * cannot read, so copy what the probe needs to a place everyone can read.
     */
    private static String copyClassPath(Path target) throws IOException {
        Set<Path> entries = new LinkedHashSet<>();
        for (String property : new String[] {"surefire.test.class.path", "java.class.path"}) {
            String value = System.getProperty(property);
            if (value != null) {
                for (String entry : value.split(File.pathSeparator)) {
                    if (!entry.isBlank()) {
                        entries.add(Path.of(entry));
                    }
                }
            }
        }
        for (Class<?> type : new Class<?>[] {NoAccessProbe.class, StoreLoader.class, GskStatus.class,
                PEMParser.class, BouncyCastleProvider.class}) {
            entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath()));
        }
        chmod(target, "rwxr-xr-x");
        List<String> copied = new ArrayList<>();
        int index = 0;
        for (Path entry : entries) {
            if (!Files.exists(entry)) {
                continue;
            }
            Path copy = target.resolve(index++ + "-" + entry.getFileName());
            if (Files.isDirectory(entry)) {
                copyTree(entry, copy);
            } else {
                Files.copy(entry, copy, StandardCopyOption.REPLACE_EXISTING);
                chmod(copy, "rw-r--r--");
            }
            copied.add(copy.toString());
        }
        return String.join(File.pathSeparator, copied);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path destination = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                    chmod(destination, "rwxr-xr-x");
                } else {
                    Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
                    chmod(destination, "rw-r--r--");
                }
            }
        }
    }

    private static void chmod(Path path, String permissions) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
}
