package io.gsk4j.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gsk4j.Environment;
import io.gsk4j.Session;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.HandleKind;
import io.gsk4j.support.Loopback;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GSK_KEYRING_PW is kept as little as IBM's get_buffer allows (issue 11 item 12): readable
 * back on the environment and its sessions while they are open, one array shared by the
 * sessions (no copy each), zeroed when the last handle holding it is closed, never a String
 * inside gsk4j and never in toString.
 */
class KeyringPasswordTest {
    @TempDir
    Path dir;

    @Test
    void sessionsShareTheEnvironmentsPasswordAndTheLastCloseZeroesIt() throws Exception {
        AttributeValues env = new AttributeValues(HandleKind.ENVIRONMENT);
        env.set(BufferAttribute.GSK_KEYRING_PW, "s3cret", false);
        AttributeValues first = env.copyForSession();
        AttributeValues second = env.copyForSession();
        AttributeValues frozen = env.freeze();
        assertSame(env.passwordHolder(), first.passwordHolder(), "a session shares the environment's password");
        assertSame(env.passwordHolder(), second.passwordHolder());
        assertSame(env.passwordHolder(), frozen.passwordHolder(), "the init snapshot holds no copy either");
        assertEquals("s3cret", first.buffer(BufferAttribute.GSK_KEYRING_PW).orElseThrow());

        env.release(); // gsk_environment_close: open sessions keep working, with the password
        assertArrayEquals("s3cret".toCharArray(), first.keyringPassword());
        first.release();
        assertArrayEquals("s3cret".toCharArray(), second.keyringPassword());
        second.release(); // the last holder: zeroed
        assertNull(second.keyringPassword());
        assertNull(frozen.keyringPassword());
        assertFalse(frozen.buffer(BufferAttribute.GSK_KEYRING_PW).isPresent());
    }

    @Test
    void aSessionsOwnPasswordReplacesItsHoldOnTheEnvironments() throws Exception {
        AttributeValues env = new AttributeValues(HandleKind.ENVIRONMENT);
        env.set(BufferAttribute.GSK_KEYRING_PW, "env-pw", false);
        AttributeValues session = env.copyForSession();
        session.set(BufferAttribute.GSK_KEYRING_PW, "own-pw", false);
        assertNotSame(env.passwordHolder(), session.passwordHolder());
        assertFalse(env.sameBuffer(BufferAttribute.GSK_KEYRING_PW, session));
        env.release(); // the session let go of the environment's: closing the environment zeroes it
        assertNull(env.keyringPassword());
        assertArrayEquals("own-pw".toCharArray(), session.keyringPassword());
        session.release();
        assertNull(session.keyringPassword());
    }

    @Test
    void neverInToStringAndNeverRecorded() throws Exception {
        AttributeValues env = new AttributeValues(HandleKind.ENVIRONMENT);
        env.set(BufferAttribute.GSK_KEYRING_PW, "hunter2-secret", false);
        assertFalse(env.toString().contains("hunter2"), env.toString());
        assertFalse(env.passwordHolder().toString().contains("hunter2"));
        assertThrows(IllegalArgumentException.class, () -> env.record(BufferAttribute.GSK_KEYRING_PW, "x"));
    }

    @Test
    void getBufferStillReturnsItAfterInitAsIbmDocuments() throws Exception {
        TestPki.Ca ca = TestPki.rootCa("Password CA", KeyType.EC_P256);
        Path store = Stores.pkcs12(dir, "server", ca.issueServer("localhost", KeyType.EC_P256, "localhost"), ca.certificate());
        Environment env = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION, store);
        assertEquals(Stores.PASSWORD, env.getBuffer(BufferAttribute.GSK_KEYRING_PW));
        try (Loopback link = Loopback.open()) {
            Session session = env.openSession();
            session.attach(link.server);
            assertEquals(Stores.PASSWORD, session.getBuffer(BufferAttribute.GSK_KEYRING_PW));
            env.close();
            assertEquals(Stores.PASSWORD, session.getBuffer(BufferAttribute.GSK_KEYRING_PW), "sessions outlive the environment");
            assertFalse(session.toString().contains(Stores.PASSWORD));
            session.close();
        }
        assertNotNull(env);
    }
}
