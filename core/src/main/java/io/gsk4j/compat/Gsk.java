package io.gsk4j.compat;

import io.gsk4j.CertDataElement;
import io.gsk4j.CertificateInfo;
import io.gsk4j.Descriptors;
import io.gsk4j.Environment;
import io.gsk4j.Errno;
import io.gsk4j.GskException;
import io.gsk4j.GskStatus;
import io.gsk4j.Session;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.CallbackAttribute;
import io.gsk4j.attr.CertInfoId;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.attr.MiscId;
import io.gsk4j.attr.NumericAttribute;
import java.net.Socket;
import java.nio.channels.Channel;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * gskssl.h as static Java methods, so a C or RPG GSKit program ports line for line:
 * {@code import static io.gsk4j.compat.Gsk.*;} brings in the functions and, through
 * {@link GskSslConstants}, every constant.
 *
 * <p>The functions never throw. Each one checks its pointer arguments (a null handle variable,
 * holder or buffer is {@code GSK_IBMI_ERROR_INVALID_POINTER}), finds the object behind the
 * handle ({@code GSK_INVALID_HANDLE} when it is NULL, closed, unknown or of the wrong kind),
 * turns C numbers into core IDs ({@code GSK_ATTRIBUTE_INVALID_ID} / {@code GSK_MISC_INVALID_ID}
 * for numbers in no table) and then lets {@link Environment} or {@link Session} do the work;
 * their {@link GskException} becomes the return code. Whenever the result is GSK_ERROR_IO the
 * calling thread's {@link #errno()} holds the cause. All functions are thread-safe.
 */
public final class Gsk implements GskSslConstants, QsoAsyncConstants {
    private static final HandleTable HANDLES = new HandleTable();
    private static final AsyncCalls ASYNC = new AsyncCalls(HANDLES);
    /** Guard is loaded with Gsk: its handlers must not need a class loaded when memory has run out. */
    private static final boolean GUARD_READY = Guard.ready();

    private Gsk() {
    }

    // ---- environment ----

    /** Opens an environment with the default attributes and stores its handle. */
    public static int gsk_environment_open(GskHandle my_env_handle) {
        try {
            return Guard.run(() -> {
                GskHandle out = Guard.pointer(my_env_handle, "my_env_handle");
                out.set(HANDLES.add(Environment.open()));
                return GSK_OK;
            });
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    /** Reads the certificate store and freezes the environment's attributes. */
    public static int gsk_environment_init(GskHandle my_env_handle) {
        try {
            return Guard.run(() -> {
                HANDLES.environment(my_env_handle).init();
                return GSK_OK;
            });
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    /** Closes the environment and sets the handle to NULL; sessions opened from it keep working. */
    public static int gsk_environment_close(GskHandle my_env_handle) {
        try {
            return Guard.run(() -> {
                HANDLES.remove(my_env_handle, Environment.class).close();
                my_env_handle.set(0);
                return GSK_OK;
            });
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    // ---- session ----

    /** Opens a session that starts with a copy of the environment's attributes. */
    public static int gsk_secure_soc_open(GskHandle my_env_handle, GskHandle my_session_handle) {
        try {
            return Guard.run(() -> {
                Guard.pointer(my_env_handle, "my_env_handle");
                GskHandle out = Guard.pointer(my_session_handle, "my_session_handle");
                Session session = HANDLES.environment(my_env_handle).openSession();
                out.set(HANDLES.add(session));
                return GSK_OK;
            });
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    /** Runs the handshake on the socket set as GSK_FD. */
    public static int gsk_secure_soc_init(GskHandle my_session_handle) {
        try {
            return Guard.run(() -> {
                HANDLES.session(my_session_handle).handshake();
                return GSK_OK;
            });
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    /**
     * Reads up to {@code readBufSize} decrypted bytes into the start of {@code readBuffer}.
     * {@code amtRead} 0 with GSK_OK means end of stream, as on IBM i.
     */
    public static int gsk_secure_soc_read(GskHandle my_session_handle, byte[] readBuffer, int readBufSize,
                                          IntRef amtRead) {
        try {
            return Guard.run(() -> {
                Guard.pointer(my_session_handle, "my_session_handle");
                Guard.pointer(readBuffer, "readBuffer");
                Guard.pointer(amtRead, "amtRead").value = 0;
                Session session = HANDLES.session(my_session_handle);
                checkSize(readBuffer, readBufSize);
                int n = session.read(readBuffer, 0, readBufSize);
                amtRead.value = Math.max(n, 0); // core says -1 at end of stream; C says 0
                return GSK_OK;
            });
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    /** Encrypts and sends the first {@code writeBufSize} bytes of {@code writeBuffer}. */
    public static int gsk_secure_soc_write(GskHandle my_session_handle, byte[] writeBuffer, int writeBufSize,
                                           IntRef amtWritten) {
        try {
            return Guard.run(() -> {
                Guard.pointer(my_session_handle, "my_session_handle");
                Guard.pointer(writeBuffer, "writeBuffer");
                Guard.pointer(amtWritten, "amtWritten").value = 0;
                Session session = HANDLES.session(my_session_handle);
                checkSize(writeBuffer, writeBufSize);
                amtWritten.value = session.write(writeBuffer, 0, writeBufSize);
                return GSK_OK;
            });
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    /** GSK_CLOSE_NOTIFY, GSK_RESET_SESSION, ... on a secure session. */
    public static int gsk_secure_soc_misc(GskHandle my_session_handle, int miscID) {
        try {
            return Guard.run(() -> {
                Session session = HANDLES.session(my_session_handle);
                MiscId id = MiscId.fromId(miscID).orElseThrow(
                        () -> Guard.fail(GskStatus.GSK_MISC_INVALID_ID, miscID + " is no GSK_MISC_ID"));
                session.misc(id);
                return GSK_OK;
            });
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    /**
     * Ends the session and sets the handle to NULL. The socket stays open: closing it is the
     * caller's job, as on IBM i. Also the way to clean up after a failed handshake.
     */
    public static int gsk_secure_soc_close(GskHandle my_session_handle) {
        try {
            return Guard.run(() -> {
                HANDLES.remove(my_session_handle, Session.class).close();
                my_session_handle.set(0);
                return GSK_OK;
            });
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    // ---- asynchronous (qsoasync.h); the model is in docs/ASYNC.md ----

    /**
     * Starts the handshake and returns GSK_IBMI_ASYNCHRONOUS_SOC_INIT; exactly one completion
     * (operationCompleted GSKSECURESOCSTARTINIT) follows on the port, with any code
     * gsk_secure_soc_init could return in returnValue and errnoValue set for GSK_ERROR_IO.
     * Reads descriptorHandle and operationId; postedDescriptor and the reserved fields must be 0.
     * Any other return is an immediate failure and nothing is posted.
     */
    public static int gsk_secure_soc_startInit(GskHandle my_session_handle, int IOCompletionPort,
                                               Qso_OverlappedIO_t communicationsArea) {
        try {
            return ASYNC.startInit(my_session_handle, IOCompletionPort, communicationsArea);
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    /**
     * Starts a receive into {@code buffer[0..bufferLength)}. GSK_OK: data was there, the count
     * is in secureDataTransferSize (0 = end of stream) and nothing is posted unless postFlag
     * is 1 (then postFlagResult is 1). GSK_IBMI_ASYNCHRONOUS_RECV: one completion follows.
     * fillBuffer non-zero waits for a full buffer; operationWaitTime (whole seconds, 0 = none)
     * bounds the wait, after which returnValue is GSK_ERROR_IO with errnoValue EAGAIN.
     */
    public static int gsk_secure_soc_startRecv(GskHandle my_session_handle, int IOCompletionPort,
                                               Qso_OverlappedIO_t communicationsArea) {
        try {
            return ASYNC.startRecv(my_session_handle, IOCompletionPort, communicationsArea);
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    /**
     * Starts sending {@code buffer[0..bufferLength)}. GSK_OK: the socket took it all at once
     * (posted only with postFlag 1). GSK_IBMI_ASYNCHRONOUS_SEND: the socket is full; one
     * completion follows when the last byte is sent (wait for it before the next send).
     */
    public static int gsk_secure_soc_startSend(GskHandle my_session_handle, int IOCompletionPort,
                                               Qso_OverlappedIO_t communicationsArea) {
        try {
            return ASYNC.startSend(my_session_handle, IOCompletionPort, communicationsArea);
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    /** A new completion port (a number from 1 up), or -1 with errno ENOBUFS past 256 ports. */
    public static int QsoCreateIOCompletionPort() {
        try {
            return ASYNC.createPort();
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escapedQso(t);
        }
    }

    /**
     * Takes one completion into {@code completionStatus}: 1. {@code timeToWait} null waits
     * without limit; 0 s polls; on time-out 0 is returned (and errno set to ETIME). -1 with
     * errno EDESTROYED when the port is destroyed while waiting, EINTR when the thread is
     * interrupted, EINVAL for a bad port.
     */
    public static int QsoWaitForIOCompletion(int IOCompletionPort, Qso_OverlappedIO_t completionStatus, Timeval timeToWait) {
        try {
            return ASYNC.waitFor(IOCompletionPort, completionStatus, timeToWait);
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escapedQso(t);
        }
    }

    /** Posts the application's own completion (operationCompleted QSOPOSTIOCOMPLETION): 0, or -1 with errno. */
    public static int QsoPostIOCompletion(int IOCompletionPort, Qso_OverlappedIO_t communicationsArea) {
        try {
            return ASYNC.post(IOCompletionPort, communicationsArea);
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escapedQso(t);
        }
    }

    /**
     * Cancels the pending operations on a socket (gsk_fd number) with this operationId, 0 for
     * all. Returns how many; each still posts its completion, with errnoValue ECANCELED. A
     * handshake already under way cannot be cancelled: then none is, and 0 is returned.
     * -1 with errno EBADF for a number that names no socket.
     */
    public static int QsoCancelOperation(int socketDescriptor, long operationId) {
        try {
            return ASYNC.cancel(socketDescriptor, operationId);
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escapedQso(t);
        }
    }

    /**
     * Destroys the port: 0, or -1 with errno EINVAL. Waiting threads return -1 with
     * EDESTROYED; pending operations are dropped (their buffers are the caller's again) and
     * the I/O threads stop with the last port.
     */
    public static int QsoDestroyIOCompletionPort(int IOCompletionPort) {
        try {
            return ASYNC.destroyPort(IOCompletionPort);
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escapedQso(t);
        }
    }

    // ---- attributes ----

    /** Sets a character attribute; {@code bufSize} 0 takes the whole string, n its first n chars. */
    public static int gsk_attribute_set_buffer(GskHandle my_gsk_handle, int bufID, String buffer, int bufSize) {
        try {
            return Guard.run(() -> {
                Guard.pointer(buffer, "buffer");
                Target target = HANDLES.target(my_gsk_handle);
                BufferAttribute id = bufferId(bufID);
                target.set(id, BufferArgs.of(buffer, bufSize));
                return GSK_OK;
            });
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    /**
     * Sets a character attribute from bytes: {@code bufSize} 0 reads up to the first NUL byte.
     * The bytes are UTF-8; IBM i reads them in the job's CCSID.
     */
    public static int gsk_attribute_set_buffer(GskHandle my_gsk_handle, int bufID, byte[] buffer, int bufSize) {
        try {
            return Guard.run(() -> {
                Guard.pointer(buffer, "buffer");
                Target target = HANDLES.target(my_gsk_handle);
                BufferAttribute id = bufferId(bufID);
                target.set(id, BufferArgs.of(buffer, bufSize));
                return GSK_OK;
            });
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    /** Reads a character attribute; {@code bufSize} receives its length in UTF-8 bytes. */
    public static int gsk_attribute_get_buffer(GskHandle my_gsk_handle, int bufID, StringRef buffer, IntRef bufSize) {
        try {
            return Guard.run(() -> {
                Guard.pointer(buffer, "buffer");
                Guard.pointer(bufSize, "bufSize");
                Target target = HANDLES.target(my_gsk_handle);
                String value = target.getBuffer(bufferId(bufID));
                buffer.value = value;
                bufSize.value = value.getBytes(StandardCharsets.UTF_8).length;
                return GSK_OK;
            });
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    public static int gsk_attribute_set_numeric_value(GskHandle my_gsk_handle, int numID, int numValue) {
        try {
            return Guard.run(() -> {
                Target target = HANDLES.target(my_gsk_handle);
                target.set(numericId(numID), numValue);
                return GSK_OK;
            });
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    public static int gsk_attribute_get_numeric_value(GskHandle my_gsk_handle, int numID, IntRef numValue) {
        try {
            return Guard.run(() -> {
                Guard.pointer(numValue, "numValue");
                Target target = HANDLES.target(my_gsk_handle);
                numValue.value = target.getNumeric(numericId(numID));
                return GSK_OK;
            });
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    public static int gsk_attribute_set_enum(GskHandle my_gsk_handle, int enumID, int enumValue) {
        try {
            return Guard.run(() -> {
                Target target = HANDLES.target(my_gsk_handle);
                EnumAttribute id = enumId(enumID);
                // a number that is no GSK_ENUM_VALUE at all goes in as null: core refuses it
                // with GSK_ATTRIBUTE_INVALID_ENUMERATION, but only after its ID and state checks
                target.set(id, EnumValue.fromCode(enumValue).orElse(null));
                return GSK_OK;
            });
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    public static int gsk_attribute_get_enum(GskHandle my_gsk_handle, int enumID, IntRef enumValue) {
        try {
            return Guard.run(() -> {
                Guard.pointer(enumValue, "enumValue");
                Target target = HANDLES.target(my_gsk_handle);
                enumValue.value = target.getEnum(enumId(enumID)).code();
                return GSK_OK;
            });
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    /**
     * Registers a callback. Every GSK_CALLBACK_ID is known but none is supported yet, so a known
     * ID gets GSK_ERROR_UNSUPPORTED; an unknown one GSK_ATTRIBUTE_INVALID_ID.
     */
    public static int gsk_attribute_set_callback(GskHandle my_gsk_handle, int callBackID, Object callBackArea) {
        try {
            return Guard.run(() -> {
                Target target = HANDLES.target(my_gsk_handle);
                CallbackAttribute id = CallbackAttribute.fromId(callBackID).orElseThrow(
                        () -> Guard.fail(GskStatus.GSK_ATTRIBUTE_INVALID_ID, callBackID + " is no GSK_CALLBACK_ID"));
                if (!id.supported()) {
                    throw Guard.fail(GskStatus.GSK_ERROR_UNSUPPORTED, id.name() + " is not supported by gsk4j");
                }
                Guard.pointer(callBackArea, "callBackArea");
                if (id == CallbackAttribute.GSK_CERT_VALIDATION_CALLBACK) {
                    if (!(callBackArea instanceof ValidationCallBack) || ((ValidationCallBack) callBackArea).validation_callback == null) {
                        throw Guard.fail(GskStatus.GSK_IBMI_ERROR_INVALID_POINTER,
                                "callBackArea must be a ValidationCallBack with a validation_callback");
                    }
                    target.setValidationCallback(ValidationCallbacks.toCore((ValidationCallBack) callBackArea));
                    return GSK_OK;
                }
                throw Guard.fail(GskStatus.GSK_ERROR_UNSUPPORTED, id.name() + " has no core support yet");
            });
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    /**
     * Describes the local (GSK_LOCAL_CERT_INFO) or partner (GSK_PARTNER_CERT_INFO, session only,
     * after the handshake) certificate; the first element is CERT_BODY_DER. No certificate gives
     * GSK_OK with an empty array.
     */
    public static int gsk_attribute_get_cert_info(GskHandle my_gsk_handle, int certID, CertDataRef certDataElem,
                                                  IntRef certDataElemCount) {
        try {
            return Guard.run(() -> {
                Guard.pointer(certDataElem, "certDataElem");
                Guard.pointer(certDataElemCount, "certDataElemCount");
                Target target = HANDLES.target(my_gsk_handle);
                CertInfoId id = CertInfoId.fromId(certID).orElseThrow(
                        () -> Guard.fail(GskStatus.GSK_ATTRIBUTE_INVALID_ID, certID + " is no GSK_CERT_ID"));
                List<X509Certificate> chain = target.certificates(id);
                List<CertDataElement> elements = chain.isEmpty() ? List.of() : CertificateInfo.describe(chain.get(0));
                CertDataElem[] out = new CertDataElem[elements.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = new CertDataElem(elements.get(i));
                }
                certDataElem.value = out;
                certDataElemCount.value = out.length;
                return GSK_OK;
            });
        } catch (Throwable t) { // linking this function on its first call can fail too
            return Guard.escaped(t);
        }
    }

    /** A one-sentence description of a return code; never null, also for unknown numbers. */
    public static String gsk_strerror(int gsk_return_value) {
        try {
            return GskStatus.strerror(gsk_return_value);
        } catch (Throwable t) { // out of memory on first use: a short answer rather than an exception
            return "";
        }
    }

    // ---- Java bridges: not in gskssl.h ----

    /**
     * The number to set as GSK_FD for a connected channel (see {@link Descriptors}); -1 with
     * errno EBADF for null or a closed channel.
     */
    public static int gsk_fd(Channel channel) {
        try {
            if (channel != null && channel.isOpen()) {
                return Descriptors.of(channel);
            }
        } catch (Throwable e) { // this bridge never throws either
            ThreadErrno.set(Guard.outOfMemory(e) ? ENOMEM : EBADF);
            return -1;
        }
        ThreadErrno.set(EBADF);
        return -1;
    }

    /**
     * GSK_FD for a socket that has a channel. A plain {@code new Socket(host, port)} has none
     * (Java gives no access to its descriptor) and gets -1 with errno EBADF: open the
     * connection with {@code SocketChannel.open(address)} and use {@code channel.socket()}
     * or pass the channel itself.
     */
    public static int gsk_fd(Socket socket) {
        return gsk_fd(socket == null ? null : socket.getChannel());
    }

    /** This thread's errno after the last GSK_ERROR_IO (IBM i numbering, e.g. EIO = 3006); 0 if none yet. */
    public static int errno() {
        return ThreadErrno.get();
    }

    /**
     * The facts behind this thread's last failing gsk_* call (the status it returned, errno, the
     * TLS alert, the certificate problem, which end refused), next to {@link #errno()}: a C
     * program has only the number, a Java one can ask why without running anything again.
     * An asynchronous operation's failure becomes the last failure of the thread that receives
     * its results (QsoWaitForIOCompletion, or the start call when it finished at once). Empty
     * until a call on this thread fails, and after a failure with no facts to give (memory ran
     * out, an internal error); a later failure replaces it, a success does not clear it (as
     * with errno).
     */
    public static java.util.Optional<GskException> lastFailure() {
        return java.util.Optional.ofNullable(ThreadErrno.lastFailure());
    }

    /** The POSIX name of {@link #errno()} ("EBADF"), or "" when it is 0 or unknown. */
    public static String errnoName() {
        return Errno.fromCode(errno()).map(Errno::posixName).orElse("");
    }

    /** The core environment behind a handle, to mix both APIs; null when the handle names none. */
    public static Environment environmentOf(GskHandle handle) {
        return handle == null ? null : HANDLES.environmentOrNull(handle.value());
    }

    /** The core session behind a handle; null when the handle names none. */
    public static Session sessionOf(GskHandle handle) {
        return handle == null ? null : HANDLES.sessionOrNull(handle.value());
    }

    // ---- C numbers to core IDs ----

    private static void checkSize(byte[] buffer, int size) throws GskException {
        if (size < 1) {
            throw Guard.fail(GskStatus.GSK_INVALID_BUFFER_SIZE, "the buffer size must be at least 1");
        }
        if (size > buffer.length) {
            // C would run past the end of the buffer: the pointer does not cover size bytes
            throw Guard.fail(GskStatus.GSK_IBMI_ERROR_INVALID_POINTER, "the buffer holds only " + buffer.length + " bytes");
        }
    }

    private static BufferAttribute bufferId(int id) throws GskException {
        return BufferAttribute.fromId(id).orElseThrow(() -> invalidId(id, "GSK_BUF_ID"));
    }

    private static NumericAttribute numericId(int id) throws GskException {
        return NumericAttribute.fromId(id).orElseThrow(() -> invalidId(id, "GSK_NUM_ID"));
    }

    private static EnumAttribute enumId(int id) throws GskException {
        return EnumAttribute.fromId(id).orElseThrow(() -> invalidId(id, "GSK_ENUM_ID"));
    }

    private static GskException invalidId(int id, String table) {
        return Guard.fail(GskStatus.GSK_ATTRIBUTE_INVALID_ID, id + " is no " + table);
    }
}
