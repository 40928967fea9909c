package io.gsk4j.internal.certs;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.StoreLocations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The store password for one load: the caller's, or one read from a stash. Only arrays read
 * from a stash belong to this object and are cleared on close; the caller's stays intact.
 */
final class StorePassword implements AutoCloseable {
    private final char[] value;
    private final boolean owned;
    private final String absentReason;

    private StorePassword(char[] value, boolean owned, String absentReason) {
        this.value = value;
        this.owned = owned;
        this.absentReason = absentReason;
    }

    /**
     * The request's password wins; else the named stash, which must exist; else, for the
     * system store only, its stash when one is present.
     */
    static StorePassword of(StoreRequest request, StoreTarget target, StoreLocations locations) throws GskException {
        if (request.password() != null) {
            return new StorePassword(request.password(), false, null);
        }
        if (target.stash() != null) {
            return new StorePassword(StashFile.read(target.stash()), true, null);
        }
        if (target.systemStore()) {
            Path systemStash = locations.systemStash();
            if (Files.exists(systemStash)) {
                return new StorePassword(StashFile.read(systemStash), true, null);
            }
            return new StorePassword(null, false, "no password, no stash file given, and no system stash " + systemStash);
        }
        return new StorePassword(null, false, "no password and no stash file given");
    }

    boolean isPresent() {
        return value != null;
    }

    /** The password, or GSK_NO_KEYFILE_PASSWORD when the store needs one and there is none. */
    char[] require(Path store) throws GskException {
        if (value == null) {
            throw new GskException(GskStatus.GSK_NO_KEYFILE_PASSWORD,
                    "certificate store " + store + " needs a password: " + absentReason);
        }
        return value;
    }

    @Override
    public void close() {
        if (owned && value != null) {
            Arrays.fill(value, '\0');
        }
    }

    @Override
    public String toString() {
        return value == null ? "StorePassword[absent]" : "StorePassword[****]";
    }
}
