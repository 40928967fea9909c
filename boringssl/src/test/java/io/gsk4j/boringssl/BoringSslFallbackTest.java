package io.gsk4j.boringssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.compat.GskSslConstants;
import io.gsk4j.support.ForkedJvm;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the native part cannot load, an environment that asks for BoringSSL still initialises,
 * on SunJSSE, and says why. Each case runs in a fresh JVM, because netty decides once per JVM
 * whether its native library loaded.
 */
class BoringSslFallbackTest {
    @TempDir
    Path dir;

    @Test
    void withoutTheNativeLibraryTheEnvironmentRunsOnSunJsseAndSaysWhy() throws Exception {
        // the class path as it is, less the jars that carry libnetty_tcnative: the library really is absent
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("netty-tcnative-boringssl-static"))
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(classPath.length() < System.getProperty("java.class.path").length(), "the native jars were on the class path");
        Map<String, String> got = report(List.of(), classPath);
        assertFellBack(got);
        assertTrue(got.get("reason").contains("native library"), got.get("reason"));
    }

    @Test
    void whenNettyIsToldNotToUseOpenSslTheEnvironmentRunsOnSunJsseAndSaysWhy() throws Exception {
        Map<String, String> got = report(List.of("-Dio.netty.handler.ssl.noOpenSsl=true"), System.getProperty("java.class.path"));
        assertFellBack(got);
        assertTrue(got.get("reason").contains("noOpenSsl"), got.get("reason"));
    }

    private static void assertFellBack(Map<String, String> got) {
        assertEquals("jsse", got.get("name"), got::toString);
        assertEquals("boringssl", got.get("requested"), got::toString);
        assertEquals("GSK4J_TLS_ENGINE_JSSE", got.get("attribute"), got::toString);
        assertEquals(String.valueOf(GskSslConstants.GSK_OK), got.get("compatInit"), got::toString);
    }

    private Map<String, String> report(List<String> jvmOptions, String classPath) throws Exception {
        Path store = Stores.pkcs12(dir, "trust", null, TestPki.rootCa("Fallback CA", KeyType.EC_P256).certificate());
        ForkedJvm.Result r = ForkedJvm.run(60, jvmOptions, classPath, EngineReportMain.class, store.toString(), Stores.PASSWORD);
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, String> out = new HashMap<>();
        for (String line : r.stdout().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        out.put("stderr", r.stderr());
        return out;
    }
}
