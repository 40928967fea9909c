package io.gsk4j.internal.certs;

import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.StoreLocations;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * One entry of the local stand-in for DCM's application registry ({@code appdefs.properties}):
 * {@code <ID>.store}, {@code <ID>.label}, {@code <ID>.stash}. As in DCM the program never
 * supplies a password for an application ID, so a definition names a stash, never a password.
 *
 * @param store store name as written (may be *SYSTEM or an IBM path); *SYSTEM when absent
 * @param label certificate label, or null for the store's default
 * @param stash stash path as written, or null
 */
record ApplicationDefinition(String store, String label, String stash) {

    static ApplicationDefinition lookup(String applicationId, StoreLocations locations) throws GskException {
        Path file = locations.applicationDefinitions();
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_NOT_REGISTERED, "application ID " + applicationId
                    + " is not registered: no application definitions file " + file, e);
        } catch (AccessDeniedException e) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_NO_ACCESS, "no authority to read " + file, e);
        } catch (IOException | IllegalArgumentException e) {
            throw new GskException(GskStatus.GSK_KEYRING_OPEN_ERROR, "cannot read application definitions " + file, e);
        }
        String store = value(properties, applicationId, "store");
        String label = value(properties, applicationId, "label");
        String stash = value(properties, applicationId, "stash");
        if (store == null && label == null && stash == null) {
            throw new GskException(GskStatus.GSK_IBMI_ERROR_NOT_REGISTERED,
                    "application ID " + applicationId + " is not registered in " + file);
        }
        return new ApplicationDefinition(store == null ? IbmStorePaths.SYSTEM : store, label, stash);
    }

    private static String value(Properties properties, String applicationId, String key) {
        String value = properties.getProperty(applicationId + "." + key);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
