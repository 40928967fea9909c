package io.gsk4j.boringssl;

import io.netty.handler.ssl.OpenSslSessionTicketKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A server's session-ticket keys. BoringSSL makes and rotates its own until the server is told
 * to forget a session (GSK_RESET_SESSION): a ticket it already issued cannot be revoked, only
 * made unreadable, so the server then installs a new random key and keeps no old one. From then
 * on the keys are gsk4j's, and it rotates them as BoringSSL would have: every two days a new key
 * encrypts, and the one before it still decrypts the tickets issued under it.
 */
final class TicketKeys {
    /** BoringSSL's own interval (SSL_DEFAULT_TICKET_KEY_ROTATION_INTERVAL). */
    static final Duration ROTATION = Duration.ofDays(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Consumer<OpenSslSessionTicketKey[]> install;
    private final LongSupplier nanoClock;
    private final long rotationNanos;
    /** The key that encrypts; null while BoringSSL's own keys are in use. */
    private volatile OpenSslSessionTicketKey current;
    private long installedAt;

    TicketKeys(Consumer<OpenSslSessionTicketKey[]> install, LongSupplier nanoClock, Duration rotation) {
        this.install = install;
        this.nanoClock = nanoClock;
        this.rotationNanos = rotation.toNanos();
    }

    /** No ticket issued so far decrypts any more. */
    synchronized void forgetAll() {
        current = fresh();
        installedAt = nanoClock.getAsLong();
        install.accept(new OpenSslSessionTicketKey[] {current});
    }

    /** Called before each server handshake: a new key once the current one is due, the old one kept to decrypt. */
    void rotateIfDue() {
        if (current == null) {
            return; // BoringSSL's own keys: it rotates them
        }
        synchronized (this) {
            long now = nanoClock.getAsLong();
            if (now - installedAt >= rotationNanos) {
                OpenSslSessionTicketKey previous = current;
                current = fresh();
                installedAt = now;
                install.accept(new OpenSslSessionTicketKey[] {current, previous});
            }
        }
    }

    /** One new key: its name, HMAC and AES secrets all random. */
    private static OpenSslSessionTicketKey fresh() {
        byte[] name = new byte[OpenSslSessionTicketKey.NAME_SIZE];
        byte[] hmac = new byte[OpenSslSessionTicketKey.HMAC_KEY_SIZE];
        byte[] aes = new byte[OpenSslSessionTicketKey.AES_KEY_SIZE];
        RANDOM.nextBytes(name);
        RANDOM.nextBytes(hmac);
        RANDOM.nextBytes(aes);
        return new OpenSslSessionTicketKey(name, hmac, aes);
    }
}
