package io.gsk4j.compat;

/**
 * IBM i's {@code Qso_OverlappedIO_t} (qsoasync.h), the communications area of the
 * asynchronous calls, with the fields in IBM's order. Which fields a call reads and which it
 * fills is documented on each function in {@link Gsk}.
 *
 * <p>A start call copies what it needs before it returns and never writes to the structure
 * afterwards: results arrive in the structure given to {@code QsoWaitForIOCompletion}. The
 * {@link #buffer} itself belongs to gsk4j until the operation's completion is taken (or its
 * port destroyed), as on IBM i.
 */
public final class Qso_OverlappedIO_t {
    /** In: any value of the application's; handed back unchanged. */
    public Object descriptorHandle;
    /** In: the data to send, or where received data goes. */
    public byte[] buffer;
    /** In: bytes to send, or the most to receive (at least 1). */
    public int bufferLength;
    /** In: 1 = post a completion even when the operation finishes at once. */
    public int postFlag;
    /** Out (start call): 1 = finished at once and posted anyway. */
    public int postFlagResult;
    /** In: non-zero = a receive completes only with a full buffer, at end of stream or on error. */
    public int fillBuffer;
    /** Out: the GSKit status of the finished operation. */
    public int returnValue;
    /** Out: the IBM i errno when {@link #returnValue} is GSK_ERROR_IO. */
    public int errnoValue;
    /** Out: which operation finished (GSKSECURESOCSTARTINIT, ...). */
    public int operationCompleted;
    /** Out: bytes received or sent. */
    public int secureDataTransferSize;
    /** Unused by the secure calls. */
    public int bytesAvailable;
    /** In: the longest a receive or send may stay pending; 0 = no limit; whole seconds only. */
    public Timeval operationWaitTime = new Timeval();
    /** In: must be 0. */
    public int postedDescriptor;
    /** In: the application's identifier for QsoCancelOperation (0 = none). */
    public long operationId;
    /** Must be 0. */
    public int reserved1;
    /** Must be 0. */
    public int reserved2;

    /** A field-by-field copy (the buffer array itself is shared, as a C pointer would be). */
    Qso_OverlappedIO_t copy() {
        Qso_OverlappedIO_t c = new Qso_OverlappedIO_t();
        c.descriptorHandle = descriptorHandle;
        c.buffer = buffer;
        c.bufferLength = bufferLength;
        c.postFlag = postFlag;
        c.postFlagResult = postFlagResult;
        c.fillBuffer = fillBuffer;
        c.returnValue = returnValue;
        c.errnoValue = errnoValue;
        c.operationCompleted = operationCompleted;
        c.secureDataTransferSize = secureDataTransferSize;
        c.bytesAvailable = bytesAvailable;
        c.operationWaitTime = operationWaitTime == null ? new Timeval() : operationWaitTime.copy();
        c.postedDescriptor = postedDescriptor;
        c.operationId = operationId;
        c.reserved1 = reserved1;
        c.reserved2 = reserved2;
        return c;
    }

    @Override
    public String toString() {
        return "Qso_OverlappedIO_t[operationCompleted=" + operationCompleted + ", returnValue=" + returnValue
                + ", errnoValue=" + errnoValue + ", secureDataTransferSize=" + secureDataTransferSize
                + ", operationId=" + operationId + "]";
    }
}
