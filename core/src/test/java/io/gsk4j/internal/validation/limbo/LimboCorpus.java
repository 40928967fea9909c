package io.gsk4j.internal.validation.limbo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds and reads the x509-limbo corpus file. */
final class LimboCorpus {
    /** Overrides where the corpus file is looked for. */
    static final String PROPERTY = "gsk4j.limbo";
    private static final String BESIDE_PROJECT = "../shared/corpora/x509-limbo/limbo.json";

    private LimboCorpus() {
    }

    /**
     * The corpus file: the system property when set, else {@code ../shared/corpora/x509-limbo/limbo.json}
     * from the Maven root directory (the top-most ancestor of the working directory holding a pom.xml).
     */
    static Path location() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path root = dir;
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("pom.xml"))) {
                root = p;
            }
        }
        return root.resolve(BESIDE_PROJECT).normalize();
    }

    @SuppressWarnings("unchecked")
    static List<LimboCase> read(Path file) throws IOException {
        Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(Files.readString(file, StandardCharsets.UTF_8));
        List<LimboCase> out = new ArrayList<>();
        for (Object t : (List<Object>) doc.get("testcases")) {
            out.add(LimboCase.of((Map<String, Object>) t));
        }
        return out;
    }
}
