package io.gsk4j.internal.certs;

import io.gsk4j.StoreLocations;

/**
 * What an environment (or a session overriding it) asks to be loaded: a keyring file with
 * its password or stash and label, or a DCM-style application ID. Blank strings count as
 * not given. The password array stays the caller's; the loader never clears it.
 *
 * @param keyringFile   GSK_KEYRING_FILE: a path, "*SYSTEM" or an IBM i ICSS path; null = system store
 * @param password      GSK_KEYRING_PW, or null
 * @param stashFile     GSK_KEYRING_STASH_FILE, or null
 * @param label         GSK_KEYRING_LABEL, or null for the store's default key
 * @param applicationId GSK_IBMI_APPLICATION_ID, or null
 * @param locations     where *SYSTEM and application IDs resolve; null = {@link StoreLocations#defaults()}
 */
public record StoreRequest(String keyringFile, char[] password, String stashFile, String label,
                           String applicationId, StoreLocations locations) {

    @Override
    public String toString() {
        return "StoreRequest[keyringFile=" + keyringFile
                + ", password=" + (password == null ? "null" : "****")
                + ", stashFile=" + stashFile
                + ", label=" + label
                + ", applicationId=" + applicationId
                + ", locations=" + locations + "]";
    }
}
