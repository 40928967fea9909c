package io.gsk4j.internal.certs;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.StoreLocations;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/** Maps the names IBM i programs use for stores ("*SYSTEM", /QIBM/UserData/ICSS/...) to local files. */
final class IbmStorePaths {
    static final String SYSTEM = "*SYSTEM";
    static final String ICSS_PREFIX = "/QIBM/UserData/ICSS/";
    static final String SYSTEM_KDB = ICSS_PREFIX + "Cert/Server/DEFAULT.KDB";

    private IbmStorePaths() {
    }

    /** True when the name denotes the *SYSTEM store in any of its spellings. */
    static boolean isSystem(String name) {
        return name.equalsIgnoreCase(SYSTEM) || name.equalsIgnoreCase(SYSTEM_KDB);
    }

    /**
     * The local file for a store name. {@code relativeTo} anchors relative names (the
     * working directory for programs, the home directory for application definitions).
     */
    static Path resolve(String name, StoreLocations locations, Path relativeTo) throws GskException {
        if (isSystem(name)) {
            return locations.systemStore();
        }
        try {
            if (name.regionMatches(true, 0, ICSS_PREFIX, 0, ICSS_PREFIX.length())) {
                return underIcss(name.substring(ICSS_PREFIX.length()), locations);
            }
            Path path = Path.of(name);
            return relativeTo == null ? path.toAbsolutePath() : relativeTo.resolve(path);
        } catch (InvalidPathException e) {
            throw new GskException(GskStatus.GSK_KEYRING_OPEN_ERROR, "certificate store name is not a valid path: " + name, e);
        }
    }

    /** A stash name: "*SYSTEM" means the system store's stash; other names as for stores. */
    static Path resolveStash(String name, StoreLocations locations, Path relativeTo) throws GskException {
        if (name.equalsIgnoreCase(SYSTEM)) {
            return locations.systemStash();
        }
        return resolve(name, locations, relativeTo);
    }

    /** A DCM .KDB becomes the PKCS#12 export kept in the same place below icssRoot. */
    private static Path underIcss(String relative, StoreLocations locations) throws GskException {
        String local = relative;
        if (local.toLowerCase(Locale.ROOT).endsWith(".kdb")) {
            local = local.substring(0, local.length() - 4) + ".p12";
        }
        Path root = locations.icssRoot();
        Path mapped = root;
        for (String segment : local.split("/")) {
            if (!segment.isEmpty()) {
                mapped = mapped.resolve(segment);
            }
        }
        mapped = mapped.normalize();
        if (!mapped.startsWith(root) || mapped.equals(root)) {
            throw new GskException(GskStatus.GSK_KEYRING_OPEN_ERROR,
                    "certificate store path leaves " + ICSS_PREFIX + ": " + ICSS_PREFIX + relative);
        }
        return mapped;
    }
}
