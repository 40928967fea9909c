package io.gsk4j.programs;

import static io.gsk4j.compat.Gsk.*;

import io.gsk4j.compat.GskHandle;
import io.gsk4j.compat.IntRef;
import io.gsk4j.compat.ValidationCallBack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * ILEvator's TLS socket layer ({@code src/sockets.c} of sitemule/ILEvator) call for call:
 * initialize_gsk_environment, sockets_connect, sockets_send, sockets_receive, sockets_close,
 * with the numbers gskssl.h gives. The socket is O_NONBLOCK, and ILEvator polls before every
 * send and every receive; it registers a validation callback with GSK_NO_VALIDATION that
 * accepts every chain. The registration branch after GSK_AS400_ERROR_NOT_REGISTERED calls
 * QsyRegisterAppForCertUse, which is not GSKit (and is never reached: ILEvator's
 * GSK_OS400_APPLICATION_ID call is commented out), so it only records the return code here.
 * SOCK_ERROR and SOCK_TIMEOUT stand for sockets.h's values, whose numbers do not matter.
 */
final class IlevatorSockets {
    static final int SOCK_ERROR = -1;
    static final int SOCK_TIMEOUT = -2;

    String certificateFile;
    String keyringPassword;
    /** ps->timeOut, seconds; ILEvator also passes it as GSK_OS400_READ_TIMEOUT (milliseconds). */
    int timeOut;

    GskHandle myEnvHandle;
    GskHandle mySessionHandle;
    SocketChannel socket;
    private boolean hasSocket;

    // what ILEvator saw
    final List<Integer> callbackStatuses = Collections.synchronizedList(new ArrayList<>());
    int envInitRc = -1;
    int socInitRc = -1;
    int lastRc;
    int sessionCloseRc = -1;
    int envCloseRc = -1;

    private int setAttr(GskHandle h, int attr, int value) {
        lastRc = gsk_attribute_set_numeric_value(h, attr, value);
        if (lastRc != 0) {
            close();
            return 1; // true fails
        }
        return 0;
    }

    /** initialize_gsk_environment(). */
    boolean initializeGskEnvironment() {
        myEnvHandle = new GskHandle();
        lastRc = gsk_environment_open(myEnvHandle);
        if (lastRc != 0) {
            close();
            return false;
        }
        // the callback accepts every chain; GSK_NO_VALIDATION, GSK_END_ENTITY_CERTIFICATE
        ValidationCallBack valCallBack = new ValidationCallBack((chain, status) -> {
            callbackStatuses.add(status);
            return 0; // GSK_OK
        }, 900, 952);
        lastRc = gsk_attribute_set_callback(myEnvHandle, 805, valCallBack); // GSK_CERT_VALIDATION_CALLBACK
        if (lastRc != 0) {
            close();
            return false;
        }
        lastRc = gsk_attribute_set_buffer(myEnvHandle, 201, certificateFile, certificateFile.length()); // GSK_KEYRING_FILE
        if (lastRc != 0) {
            close();
            return false;
        }
        lastRc = gsk_attribute_set_buffer(myEnvHandle, 202, keyringPassword, keyringPassword.length()); // GSK_KEYRING_PW
        if (lastRc != 0) {
            close();
            return false;
        }
        if (setAttr(myEnvHandle, 6998, 30) != 0 // GSK_HANDSHAKE_TIMEOUT
                || setAttr(myEnvHandle, 6993, timeOut) != 0 // GSK_OS400_READ_TIMEOUT
                || setAttr(myEnvHandle, 301, 60) != 0 // GSK_V2_SESSION_TIMEOUT
                || setAttr(myEnvHandle, 302, 60) != 0) { // GSK_V3_SESSION_TIMEOUT
            return false;
        }
        lastRc = gsk_attribute_set_enum(myEnvHandle, 402, 507); // GSK_SESSION_TYPE, GSK_CLIENT_SESSION
        if (lastRc != 0) {
            close();
            return false;
        }
        lastRc = gsk_attribute_set_enum(myEnvHandle, 401, 505); // GSK_CLIENT_AUTH_TYPE, GSK_CLIENT_AUTH_PASSTHRU
        if (lastRc != 0) {
            close();
            return false;
        }
        envInitRc = gsk_environment_init(myEnvHandle);
        if (envInitRc == 6002) { // GSK_AS400_ERROR_NOT_REGISTERED: QsyRegisterAppForCertUse, then init again
            envInitRc = gsk_environment_init(myEnvHandle);
            if (envInitRc != 0) {
                close();
                return false;
            }
        }
        return true;
    }

    /** sockets_connect(). */
    boolean connect(int serverPort, int timeOut) throws IOException {
        this.timeOut = timeOut;
        if (!initializeGskEnvironment()) {
            return false;
        }
        socket = SocketChannel.open();
        hasSocket = true;
        socket.configureBlocking(false); // fcntl(O_NONBLOCK)
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort));
        if (Net.poll(socket, SelectionKey.OP_CONNECT, timeOut * 1000L) == 0 || !socket.finishConnect()) {
            close(); // "Connection - timeout"
            return false;
        }
        mySessionHandle = new GskHandle();
        lastRc = gsk_secure_soc_open(myEnvHandle, mySessionHandle);
        if (lastRc != 0) {
            close();
            return false;
        }
        if (setAttr(mySessionHandle, 300, gsk_fd(socket)) != 0) { // GSK_FD
            return false;
        }
        socInitRc = gsk_secure_soc_init(mySessionHandle);
        if (socInitRc != 0) {
            close();
            return false;
        }
        return true;
    }

    /** sockets_send(). */
    int send(byte[] buf, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (Net.poll(socket, SelectionKey.OP_WRITE, 1000) == 0) {
            close();
            return SOCK_TIMEOUT;
        }
        IntRef amtWritten = new IntRef();
        lastRc = gsk_secure_soc_write(mySessionHandle, buf, len, amtWritten);
        if (lastRc != 0 || amtWritten.value != len) {
            close();
            return SOCK_ERROR;
        }
        return len;
    }

    /** sockets_receive(): poll first, then one gsk_secure_soc_read. */
    int receive(byte[] buf, int len, int timeOut) throws IOException {
        if (Net.pollIn(socket, timeOut * 1000L) == 0) {
            close(); // "Timeout poll receive"
            return SOCK_TIMEOUT;
        }
        IntRef amtRead = new IntRef();
        lastRc = gsk_secure_soc_read(mySessionHandle, buf, len, amtRead);
        if (lastRc == 6011) { // GSK_OS400_ERROR_TIMED_OUT
            close();
            return SOCK_TIMEOUT;
        }
        if (lastRc != 0) {
            close();
            return SOCK_ERROR;
        }
        return amtRead.value;
    }

    /** sockets_close(). */
    void close() {
        if (mySessionHandle != null) {
            sessionCloseRc = gsk_secure_soc_close(mySessionHandle);
            mySessionHandle = null;
        }
        if (myEnvHandle != null) {
            envCloseRc = gsk_environment_close(myEnvHandle);
            myEnvHandle = null;
        }
        if (hasSocket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // as close() in C: nothing to do about it
            }
            hasSocket = false;
        }
    }
}
