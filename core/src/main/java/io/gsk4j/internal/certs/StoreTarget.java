package io.gsk4j.internal.certs;

import io.gsk4j.GskException;
import io.gsk4j.StoreLocations;
import java.nio.file.Path;

/**
 * Which file to open, with which label and stash, once *SYSTEM, IBM i paths and application
 * IDs are resolved.
 *
 * @param store       the local store file
 * @param label       the requested label, or null for the default key
 * @param stash       an explicitly named stash file, or null
 * @param systemStore whether this is the *SYSTEM store (whose stash is implied)
 */
record StoreTarget(Path store, String label, Path stash, boolean systemStore) {

    /**
     * In application-ID mode the definition decides store, label and stash, as DCM does;
     * the request's label or stash only fill what the definition leaves open.
     */
    static StoreTarget of(StoreRequest request, StoreLocations locations) throws GskException {
        String label = blankToNull(request.label());
        String stashName = blankToNull(request.stashFile());
        Path stash = stashName == null ? null : IbmStorePaths.resolveStash(stashName, locations, null);
        String applicationId = blankToNull(request.applicationId());
        Path store;
        if (applicationId != null) {
            ApplicationDefinition definition = ApplicationDefinition.lookup(applicationId, locations);
            store = IbmStorePaths.resolve(definition.store(), locations, locations.home());
            if (definition.label() != null) {
                label = definition.label();
            }
            if (definition.stash() != null) {
                stash = IbmStorePaths.resolveStash(definition.stash(), locations, locations.home());
            }
        } else {
            String keyring = blankToNull(request.keyringFile());
            // no keyring and no application ID: GSKit falls back to the system store
            store = IbmStorePaths.resolve(keyring == null ? IbmStorePaths.SYSTEM : keyring, locations, null);
        }
        boolean system = store.toAbsolutePath().normalize().equals(locations.systemStore());
        return new StoreTarget(store, label, stash, system);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
