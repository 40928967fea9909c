package io.gsk4j.boringssl;

import io.netty.handler.ssl.OpenSslSessionTicketKey;
import java.security.SecureRandom;

/**
 * Session-ticket keys made by gsk4j: a server that was told to forget a session replaces
 * BoringSSL's own keys with these, since a ticket it already issued can only be made
 * unreadable, not revoked.
 */
final class TicketKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TicketKeys() {
    }

    /** One new key: its name, HMAC and AES secrets all random. */
    static OpenSslSessionTicketKey fresh() {
        byte[] name = new byte[OpenSslSessionTicketKey.NAME_SIZE];
        byte[] hmac = new byte[OpenSslSessionTicketKey.HMAC_KEY_SIZE];
        byte[] aes = new byte[OpenSslSessionTicketKey.AES_KEY_SIZE];
        RANDOM.nextBytes(name);
        RANDOM.nextBytes(hmac);
        RANDOM.nextBytes(aes);
        return new OpenSslSessionTicketKey(name, hmac, aes);
    }
}
