package io.gsk4j.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import org.junit.jupiter.api.Test;

/** The one catch site: whatever a core call throws comes back as a number. */
class GuardTest {

    @Test
    void aGskExceptionGivesItsOwnCodeEvenAnUnknownOne() {
        assertEquals(GskSslConstants.GSK_OK, Guard.run(() -> GskSslConstants.GSK_OK));
        assertEquals(5, Guard.run(() -> {
            throw new GskException(GskStatus.GSK_INVALID_STATE, "x");
        }));
        assertEquals(4242, Guard.run(() -> {
            throw new GskException(4242, null, 0, "unknown number", null);
        }));
    }

    @Test
    void ioErrorsSetErrnoAndFallBackToEio() {
        assertEquals(GskSslConstants.GSK_ERROR_IO, Guard.run(() -> {
            throw GskException.io(Errno.ECONNRESET, "reset", null);
        }));
        assertEquals(GskSslConstants.ECONNRESET, Gsk.errno());
        assertEquals(GskSslConstants.GSK_ERROR_IO, Guard.run(() -> {
            throw new GskException(GskStatus.GSK_ERROR_IO, "no errno given");
        }));
        assertEquals(GskSslConstants.EIO, Gsk.errno());
        assertEquals("EIO", Gsk.errnoName());
        // other failures leave errno as it was, like C
        Guard.run(() -> {
            throw new GskException(GskStatus.GSK_INVALID_HANDLE, "x");
        });
        assertEquals(GskSslConstants.EIO, Gsk.errno());
    }

    @Test
    void bugsBecomeInternalErrorAndNothingEscapes() {
        assertEquals(GskSslConstants.GSK_INTERNAL_ERROR, Guard.run(() -> {
            throw new IllegalStateException("a gsk4j bug (expected in this test)");
        }));
        assertEquals(GskSslConstants.GSK_INSUFFICIENT_STORAGE, Guard.run(() -> {
            throw new OutOfMemoryError("simulated");
        }));
    }

    @Test
    void outOfMemoryBehindAnythingIsInsufficientStorage() {
        // wrapped by the JDK (a handshake task's failure) or by a core exception
        assertEquals(GskSslConstants.GSK_INSUFFICIENT_STORAGE, Guard.run(() -> {
            throw new IllegalStateException("wrapped", new javax.net.ssl.SSLException("task", new OutOfMemoryError("simulated")));
        }));
        assertEquals(GskSslConstants.GSK_INSUFFICIENT_STORAGE, Guard.run(() -> {
            throw new GskException(GskStatus.GSK_ERROR_BAD_MESSAGE, "mapped", new OutOfMemoryError("simulated"));
        }));
        // a class whose initialiser ran out stays unusable: its later NoClassDefFoundError is the same shortage
        assertEquals(GskSslConstants.GSK_INSUFFICIENT_STORAGE, Guard.run(() -> {
            throw new NoClassDefFoundError("Could not initialize class X");
        }));
        assertEquals(GskSslConstants.GSK_INSUFFICIENT_STORAGE, Guard.escaped(new OutOfMemoryError("linking")));
        assertEquals(-1, Guard.escapedQso(new OutOfMemoryError("linking")));
        assertEquals(GskSslConstants.ENOMEM, Gsk.errno());
        // a class that is simply missing is not a shortage
        assertEquals(GskSslConstants.GSK_INTERNAL_ERROR, Guard.run(() -> {
            NoClassDefFoundError e = new NoClassDefFoundError("some/Missing (expected in this test)");
            e.initCause(new ClassNotFoundException("some.Missing"));
            throw e;
        }));
    }
}
