package io.gsk4j.compat;

import io.gsk4j.Descriptors;
import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.Session;
import io.gsk4j.async.AsyncOptions;
import io.gsk4j.async.Completion;
import io.gsk4j.async.CompletionPort;
import io.gsk4j.async.OperationKind;
import io.gsk4j.async.PortDestroyedException;
import io.gsk4j.async.Started;
import io.gsk4j.internal.AsyncEngine;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.time.Duration;
import java.util.Optional;

/**
 * The bodies of the asynchronous gsk_* calls and the Qso* completion-port functions.
 *
 * <p>The start calls check their arguments in this order, each failure returned at once with
 * nothing posted: session handle, port (GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT), the
 * structure (null or reserved fields not zero: GSK_IBMI_ERROR_INVALID_OVERLAPPEDIO_T), the
 * buffer (GSK_IBMI_ERROR_INVALID_POINTER, GSK_INVALID_BUFFER_SIZE), the fields IBM checks with
 * EINVAL, then the session's state. The structure is copied; the copy travels with the
 * operation and comes back through QsoWaitForIOCompletion.
 */
final class AsyncCalls implements GskSslConstants, QsoAsyncConstants {
    private final HandleTable handles;
    private final PortTable ports = new PortTable();

    AsyncCalls(HandleTable handles) {
        this.handles = handles;
    }

    // ---- gsk_secure_soc_start* ----

    int startInit(GskHandle sessionHandle, int port, Qso_OverlappedIO_t area) {
        return withErrno(area, Guard.run(() -> {
            Session session = handles.session(sessionHandle);
            CompletionPort p = port(port);
            checkArea(area);
            if (area.postedDescriptor != 0) {
                throw Guard.fail(GskStatus.GSK_IBMI_ERROR_INVALID_OVERLAPPEDIO_T, "postedDescriptor must be 0");
            }
            Qso_OverlappedIO_t copy = area.copy();
            session.startHandshake(p, AsyncOptions.attach(copy).withOperationId(copy.operationId));
            return GSK_IBMI_ASYNCHRONOUS_SOC_INIT;
        }));
    }

    int startRecv(GskHandle sessionHandle, int port, Qso_OverlappedIO_t area) {
        return withErrno(area, Guard.run(() -> {
            Session session = handles.session(sessionHandle);
            CompletionPort p = port(port);
            Qso_OverlappedIO_t copy = checkDataArea(area);
            Started started = session.startReceive(p, ByteBuffer.wrap(copy.buffer, 0, copy.bufferLength), options(copy));
            return report(area, started, GSKSECURESOCSTARTRECV, GSK_IBMI_ASYNCHRONOUS_RECV);
        }));
    }

    int startSend(GskHandle sessionHandle, int port, Qso_OverlappedIO_t area) {
        return withErrno(area, Guard.run(() -> {
            Session session = handles.session(sessionHandle);
            CompletionPort p = port(port);
            Qso_OverlappedIO_t copy = checkDataArea(area);
            Started started = session.startSend(p, ByteBuffer.wrap(copy.buffer, 0, copy.bufferLength), options(copy));
            return report(area, started, GSKSECURESOCSTARTSEND, GSK_IBMI_ASYNCHRONOUS_SEND);
        }));
    }

    /** An immediate GSK_ERROR_IO also leaves its errno in the structure, where async callers look. */
    private static int withErrno(Qso_OverlappedIO_t area, int rc) {
        if (rc == GSK_ERROR_IO && area != null) {
            area.errnoValue = ThreadErrno.get();
        }
        return rc;
    }

    private CompletionPort port(int number) throws GskException {
        CompletionPort p = ports.get(number);
        if (p == null) {
            throw Guard.fail(GskStatus.GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT, number + " is no completion port");
        }
        return p;
    }

    private static void checkArea(Qso_OverlappedIO_t area) throws GskException {
        if (area == null) {
            throw Guard.fail(GskStatus.GSK_IBMI_ERROR_INVALID_OVERLAPPEDIO_T, "no communications area");
        }
        if (area.reserved1 != 0 || area.reserved2 != 0) {
            throw Guard.fail(GskStatus.GSK_IBMI_ERROR_INVALID_OVERLAPPEDIO_T, "reserved1 and reserved2 must be 0");
        }
    }

    /** startRecv/startSend: IBM lists EINVAL for postedDescriptor and operationWaitTime. */
    private static Qso_OverlappedIO_t checkDataArea(Qso_OverlappedIO_t area) throws GskException {
        checkArea(area);
        Guard.pointer(area.buffer, "buffer");
        if (area.bufferLength < 1) {
            throw Guard.fail(GskStatus.GSK_INVALID_BUFFER_SIZE, "bufferLength must be at least 1");
        }
        if (area.bufferLength > area.buffer.length) {
            throw Guard.fail(GskStatus.GSK_IBMI_ERROR_INVALID_POINTER, "the buffer holds only " + area.buffer.length + " bytes");
        }
        Timeval wait = area.operationWaitTime;
        if (area.postedDescriptor != 0) {
            throw GskException.io(Errno.EINVAL, "postedDescriptor must be 0", null);
        }
        if (wait != null && (wait.tv_sec < 0 || wait.tv_usec != 0)) {
            throw GskException.io(Errno.EINVAL, "operationWaitTime must be whole seconds, not negative", null);
        }
        return area.copy();
    }

    private static AsyncOptions options(Qso_OverlappedIO_t copy) {
        return new AsyncOptions(copy, copy.operationId, Duration.ofSeconds(copy.operationWaitTime.tv_sec),
                copy.postFlag != 0, copy.fillBuffer != 0);
    }

    /** Before the start call returns: a finished operation's results go into the caller's structure. */
    private static int report(Qso_OverlappedIO_t area, Started started, int operation, int pendingCode) {
        if (started.pending()) {
            area.postFlagResult = 0;
            return pendingCode;
        }
        Completion c = started.completion();
        area.returnValue = c.statusCode();
        area.errnoValue = c.errnoCode();
        keepFacts(c);
        area.secureDataTransferSize = c.bytes();
        area.operationCompleted = operation;
        area.postFlagResult = started.posted() ? 1 : 0;
        return GSK_OK;
    }

    // ---- Qso* ----

    int createPort() {
        return errnoCall(() -> {
            try {
                return ports.add(CompletionPort.open());
            } catch (GskException e) {
                return fail(e.errno().orElse(Errno.ENOBUFS).code());
            }
        });
    }

    int destroyPort(int port) {
        return errnoCall(() -> {
            CompletionPort p = ports.remove(port);
            if (p == null || p.isDestroyed()) {
                return fail(Errno.EINVAL.code());
            }
            p.destroy();
            return 0;
        });
    }

    int waitFor(int port, Qso_OverlappedIO_t out, Timeval timeToWait) {
        return errnoCall(() -> {
            CompletionPort p = ports.get(port);
            if (p == null) {
                return fail(Errno.EINVAL.code());
            }
            if (out == null) {
                return fail(Errno.EFAULT.code());
            }
            if (timeToWait != null && (timeToWait.tv_sec < 0 || timeToWait.tv_usec < 0 || timeToWait.tv_usec >= 1_000_000)) {
                return fail(Errno.EINVAL.code());
            }
            try {
                Completion c = timeToWait == null ? p.take()
                        : p.poll(Duration.ofSeconds(timeToWait.tv_sec).plusNanos(timeToWait.tv_usec * 1000));
                if (c == null) {
                    ThreadErrno.set(Errno.ETIME.code()); // for code that looks at errno instead of the 0
                    return 0;
                }
                deliver(c, out);
                return 1;
            } catch (InterruptedException e) {
                return fail(Errno.EINTR.code()); // consumed, as C's EINTR: the caller retries
            } catch (PortDestroyedException e) {
                return fail(EDESTROYED);
            }
        });
    }

    int post(int port, Qso_OverlappedIO_t area) {
        return errnoCall(() -> {
            CompletionPort p = ports.get(port);
            if (p == null) {
                return fail(Errno.EINVAL.code());
            }
            if (area == null) {
                return fail(Errno.EFAULT.code());
            }
            area.returnValue = 0;
            area.errnoValue = 0;
            area.operationCompleted = QSOPOSTIOCOMPLETION;
            try {
                p.post(area.copy());
                return 0;
            } catch (PortDestroyedException e) {
                return fail(Errno.EINVAL.code());
            }
        });
    }

    int cancel(int socketDescriptor, long operationId) {
        return errnoCall(() -> {
            Optional<Channel> channel = Descriptors.lookup(socketDescriptor);
            if (channel.isEmpty()) {
                return fail(Errno.EBADF.code());
            }
            return AsyncEngine.cancelOn(channel.get(), operationId);
        });
    }

    /** Fills the waiter's structure from a completion and the start call's copy. */
    private static void deliver(Completion c, Qso_OverlappedIO_t out) {
        Qso_OverlappedIO_t from = c.attachment() instanceof Qso_OverlappedIO_t ? (Qso_OverlappedIO_t) c.attachment() : null;
        if (c.kind() == OperationKind.POSTED && from != null) {
            copyInto(from, out); // QsoPostIOCompletion: everything preserved
            out.returnValue = 0;
            out.errnoValue = 0;
            out.operationCompleted = QSOPOSTIOCOMPLETION;
            return;
        }
        boolean data = c.kind() == OperationKind.RECEIVE || c.kind() == OperationKind.SEND;
        out.descriptorHandle = from != null ? from.descriptorHandle : c.attachment();
        out.buffer = data && from != null ? from.buffer : null;
        out.bufferLength = data && from != null ? from.bufferLength : 0;
        out.postFlag = data && from != null ? from.postFlag : 0;
        out.fillBuffer = data && from != null ? from.fillBuffer : 0;
        out.postFlagResult = 0;
        out.returnValue = c.statusCode();
        out.errnoValue = c.errnoCode();
        keepFacts(c);
        out.operationCompleted = operationCompleted(c.kind());
        out.secureDataTransferSize = c.bytes();
        out.bytesAvailable = 0;
        out.operationWaitTime = data && from != null ? from.operationWaitTime.copy() : new Timeval();
        out.postedDescriptor = 0;
        out.operationId = c.operationId();
        out.reserved1 = 0;
        out.reserved2 = 0;
    }

    private static void copyInto(Qso_OverlappedIO_t from, Qso_OverlappedIO_t out) {
        Qso_OverlappedIO_t c = from.copy();
        out.descriptorHandle = c.descriptorHandle;
        out.buffer = c.buffer;
        out.bufferLength = c.bufferLength;
        out.postFlag = c.postFlag;
        out.postFlagResult = c.postFlagResult;
        out.fillBuffer = c.fillBuffer;
        out.secureDataTransferSize = c.secureDataTransferSize;
        out.bytesAvailable = c.bytesAvailable;
        out.operationWaitTime = c.operationWaitTime;
        out.postedDescriptor = c.postedDescriptor;
        out.operationId = c.operationId;
        out.reserved1 = c.reserved1;
        out.reserved2 = c.reserved2;
    }

    /**
     * A failed operation's facts become the receiving thread's last failure, as a failed
     * synchronous call's do: the thread that reads the structure can ask Gsk.lastFailure() why.
     */
    private static void keepFacts(Completion c) {
        if (c.failure() != null) {
            ThreadErrno.setLastFailure(c.failure());
        }
    }

    private static int operationCompleted(OperationKind kind) {
        switch (kind) {
            case HANDSHAKE:
                return GSKSECURESOCSTARTINIT;
            case RECEIVE:
                return GSKSECURESOCSTARTRECV;
            case SEND:
                return GSKSECURESOCSTARTSEND;
            default:
                return QSOPOSTIOCOMPLETION;
        }
    }

    /** The Qso functions answer -1 with errno, never a GSK code, and never throw. */
    private interface ErrnoCall {
        int run();
    }

    private static int errnoCall(ErrnoCall call) {
        try {
            return call.run();
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError && !(e instanceof OutOfMemoryError)) {
                throw (Error) e;
            }
            return fail(e instanceof OutOfMemoryError ? Errno.ENOMEM.code() : Errno.EUNKNOWN.code());
        }
    }

    private static int fail(int errno) {
        ThreadErrno.set(errno);
        return -1;
    }
}
