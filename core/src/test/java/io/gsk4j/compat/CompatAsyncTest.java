package io.gsk4j.compat;

import static io.gsk4j.compat.CompatFixture.expect;
import static io.gsk4j.compat.CompatFixture.initialisedEnv;
import static io.gsk4j.compat.CompatFixture.ok;
import static io.gsk4j.compat.CompatFixture.openSession;
import static io.gsk4j.compat.Gsk.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.async.CompletionPort;
import io.gsk4j.async.IoThreads;
import io.gsk4j.support.JdkPeer;
import io.gsk4j.support.SharedState;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.KeyType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Every documented return of the asynchronous gsk_* calls and the Qso* port functions, C-style. */
@ResourceLock(SharedState.COMPLETION_PORTS)
class CompatAsyncTest {
    /** Bounded waits: long enough for a slow machine, short enough to end a broken test. */
    private static final Timeval WAIT = new Timeval(20, 0);

    @TempDir
    Path dir;

    private final List<Integer> ports = new ArrayList<>();

    @AfterEach
    void destroyPorts() {
        for (int p : ports) {
            QsoDestroyIOCompletionPort(p);
        }
        assertEquals(0, IoThreads.running(), "the I/O threads stop with the last port");
    }

    private int port() {
        int p = QsoCreateIOCompletionPort();
        assertTrue(p >= 0, "QsoCreateIOCompletionPort: errno " + errno());
        ports.add(p);
        return p;
    }

    /** Client [0] and server [1] session handles on a loopback pair, not yet handshaken. */
    private GskHandle[] sessions(CompatFixture.Loopback link) {
        GskHandle serverEnv = initialisedEnv(CompatFixture.serverStore(dir), GSK_SERVER_SESSION);
        GskHandle clientEnv = initialisedEnv(CompatFixture.clientStore(dir), GSK_CLIENT_SESSION);
        GskHandle server = openSession(serverEnv);
        GskHandle client = openSession(clientEnv);
        ok(gsk_environment_close(serverEnv));
        ok(gsk_environment_close(clientEnv));
        ok(gsk_attribute_set_numeric_value(server, GSK_FD, gsk_fd(link.server)));
        ok(gsk_attribute_set_numeric_value(client, GSK_FD, gsk_fd(link.client)));
        return new GskHandle[] {client, server};
    }

    /** Both handshaken through startInit on {@code port}. */
    private GskHandle[] secure(CompatFixture.Loopback link, int port) {
        GskHandle[] s = sessions(link);
        Qso_OverlappedIO_t a = new Qso_OverlappedIO_t();
        a.descriptorHandle = "client";
        expect(GSK_IBMI_ASYNCHRONOUS_SOC_INIT, gsk_secure_soc_startInit(s[0], port, a));
        Qso_OverlappedIO_t b = new Qso_OverlappedIO_t();
        b.descriptorHandle = "server";
        expect(GSK_IBMI_ASYNCHRONOUS_SOC_INIT, gsk_secure_soc_startInit(s[1], port, b));
        for (int i = 0; i < 2; i++) {
            Qso_OverlappedIO_t done = waitOne(port);
            assertEquals(GSKSECURESOCSTARTINIT, done.operationCompleted);
            expect(GSK_OK, done.returnValue);
        }
        return s;
    }

    private static Qso_OverlappedIO_t waitOne(int port) {
        Qso_OverlappedIO_t out = new Qso_OverlappedIO_t();
        assertEquals(1, QsoWaitForIOCompletion(port, out, WAIT), () -> "no completion; errno " + errno());
        return out;
    }

    private static Qso_OverlappedIO_t area(byte[] buffer, int length) {
        Qso_OverlappedIO_t a = new Qso_OverlappedIO_t();
        a.buffer = buffer;
        a.bufferLength = length;
        return a;
    }

    @Test
    void startInitPostsExactlyOneCompletionWithTheStartersFields() throws Exception {
        int port = port();
        try (CompatFixture.Loopback link = new CompatFixture.Loopback()) {
            GskHandle[] s = sessions(link);
            Qso_OverlappedIO_t a = new Qso_OverlappedIO_t();
            a.descriptorHandle = "mine";
            a.operationId = 99;
            a.buffer = new byte[8]; // unused by startInit: IBM returns NULL and 0 in the completion
            a.bufferLength = 8;
            expect(GSK_IBMI_ASYNCHRONOUS_SOC_INIT, gsk_secure_soc_startInit(s[0], port, a));
            a.descriptorHandle = "changed after the call"; // the call copied what it needs
            Qso_OverlappedIO_t b = new Qso_OverlappedIO_t();
            expect(GSK_IBMI_ASYNCHRONOUS_SOC_INIT, gsk_secure_soc_startInit(s[1], port, b));
            Qso_OverlappedIO_t first = waitOne(port);
            Qso_OverlappedIO_t second = waitOne(port);
            Qso_OverlappedIO_t mine = "mine".equals(first.descriptorHandle) ? first : second;
            assertEquals("mine", mine.descriptorHandle);
            assertEquals(GSKSECURESOCSTARTINIT, mine.operationCompleted);
            expect(GSK_OK, mine.returnValue);
            assertEquals(0, mine.errnoValue);
            assertEquals(99, mine.operationId);
            assertNull(mine.buffer);
            assertEquals(0, mine.bufferLength);
            assertEquals(0, a.returnValue, "the caller's area is never written after the call");
            Qso_OverlappedIO_t none = new Qso_OverlappedIO_t();
            assertEquals(0, QsoWaitForIOCompletion(port, none, new Timeval(0, 0)), "exactly one each");
            ok(gsk_secure_soc_close(s[0]));
            ok(gsk_secure_soc_close(s[1]));
        }
    }

    @Test
    void immediateFailuresOfStartInitPostNothing() throws Exception {
        int port = port();
        try (CompatFixture.Loopback link = new CompatFixture.Loopback()) {
            GskHandle[] s = sessions(link);
            expect(GSK_INVALID_HANDLE, gsk_secure_soc_startInit(new GskHandle(), port, new Qso_OverlappedIO_t()));
            expect(GSK_IBMI_ERROR_INVALID_POINTER, gsk_secure_soc_startInit(null, port, new Qso_OverlappedIO_t()));
            expect(GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT, gsk_secure_soc_startInit(s[0], 123_456, new Qso_OverlappedIO_t()));
            expect(GSK_IBMI_ERROR_INVALID_OVERLAPPEDIO_T, gsk_secure_soc_startInit(s[0], port, null));
            Qso_OverlappedIO_t reserved = new Qso_OverlappedIO_t();
            reserved.reserved2 = 1;
            expect(GSK_IBMI_ERROR_INVALID_OVERLAPPEDIO_T, gsk_secure_soc_startInit(s[0], port, reserved));
            Qso_OverlappedIO_t posted = new Qso_OverlappedIO_t();
            posted.postedDescriptor = 3;
            expect(GSK_IBMI_ERROR_INVALID_OVERLAPPEDIO_T, gsk_secure_soc_startInit(s[0], port, posted));
            // a session of a never-initialised environment fails as gsk_secure_soc_init does, at once
            GskHandle bare = CompatFixture.openEnv();
            GskHandle orphan = openSession(bare);
            ok(gsk_attribute_set_numeric_value(orphan, GSK_FD, gsk_fd(link.client)));
            expect(GSK_IBMI_ERROR_NO_INITIALIZE, gsk_secure_soc_startInit(orphan, port, new Qso_OverlappedIO_t()));
            // GSK_FD naming no socket: GSK_ERROR_IO with errno, also in the structure
            GskHandle lost = openSession(initialisedEnv(CompatFixture.clientStore(dir), GSK_CLIENT_SESSION));
            ok(gsk_attribute_set_numeric_value(lost, GSK_FD, 999_999));
            Qso_OverlappedIO_t io = new Qso_OverlappedIO_t();
            expect(GSK_ERROR_IO, gsk_secure_soc_startInit(lost, port, io));
            assertEquals(EBADF, errno());
            assertEquals(EBADF, io.errnoValue);
            assertEquals(0, QsoWaitForIOCompletion(port, new Qso_OverlappedIO_t(), new Timeval(0, 200_000)), "nothing was posted");
            ok(gsk_secure_soc_close(orphan));
            ok(gsk_secure_soc_close(lost));
            ok(gsk_secure_soc_close(s[0]));
            ok(gsk_secure_soc_close(s[1]));
            // a secure session cannot start another handshake
            try (CompatFixture.Loopback other = new CompatFixture.Loopback()) {
                GskHandle[] pair = secure(other, port);
                expect(GSK_INVALID_STATE, gsk_secure_soc_startInit(pair[0], port, new Qso_OverlappedIO_t()));
                ok(gsk_secure_soc_close(pair[0]));
                ok(gsk_secure_soc_close(pair[1]));
            }
        }
    }

    @Test
    void anUntrustedRootArrivesAsTheCompletionsReturnValue() throws Exception {
        int port = port();
        TestPki.Credential self = TestPki.selfSigned("localhost", KeyType.EC_P256, "localhost");
        Path selfStore = TestPki.pkcs12().key("self", self).write(dir.resolve("self.p12"), CompatFixture.PASSWORD.toCharArray());
        try (CompatFixture.Loopback link = new CompatFixture.Loopback()) {
            GskHandle serverEnv = initialisedEnv(selfStore, GSK_SERVER_SESSION);
            GskHandle server = openSession(serverEnv);
            GskHandle client = openSession(initialisedEnv(CompatFixture.clientStore(dir), GSK_CLIENT_SESSION));
            ok(gsk_attribute_set_numeric_value(server, GSK_FD, gsk_fd(link.server)));
            ok(gsk_attribute_set_numeric_value(client, GSK_FD, gsk_fd(link.client)));
            Qso_OverlappedIO_t c = new Qso_OverlappedIO_t();
            c.descriptorHandle = "client";
            expect(GSK_IBMI_ASYNCHRONOUS_SOC_INIT, gsk_secure_soc_startInit(client, port, c));
            expect(GSK_IBMI_ASYNCHRONOUS_SOC_INIT, gsk_secure_soc_startInit(server, port, new Qso_OverlappedIO_t()));
            for (int i = 0; i < 2; i++) {
                Qso_OverlappedIO_t done = waitOne(port);
                if ("client".equals(done.descriptorHandle)) {
                    expect(GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, done.returnValue);
                    // the waiting thread can ask why, as after a synchronous call
                    io.gsk4j.GskException why = lastFailure().orElseThrow();
                    assertEquals(GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, why.code());
                    assertEquals(self.leaf(), why.certificateProblem().orElseThrow().chainReceived().get(0));
                    assertEquals(io.gsk4j.Party.LOCAL, why.refusedBy().orElseThrow());
                }
            }
            expect(GSK_IBMI_ERROR_NOT_TRUSTED_ROOT, gsk_secure_soc_init(client)); // sticky, as the synchronous call
            ok(gsk_secure_soc_close(client));
            ok(gsk_secure_soc_close(server));
        }
    }

    @Test
    void aPeerResetDeliversGskErrorIoWithEconnresetInErrnoValue() throws Exception {
        int port = port();
        try (CompatFixture.Loopback link = new CompatFixture.Loopback()) {
            GskHandle client = sessions(link)[0];
            expect(GSK_IBMI_ASYNCHRONOUS_SOC_INIT, gsk_secure_soc_startInit(client, port, new Qso_OverlappedIO_t()));
            link.server.read(java.nio.ByteBuffer.allocate(2048));
            link.server.setOption(java.net.StandardSocketOptions.SO_LINGER, 0);
            link.server.close();
            Qso_OverlappedIO_t done = waitOne(port);
            expect(GSK_ERROR_IO, done.returnValue);
            assertEquals(ECONNRESET, done.errnoValue);
            ok(gsk_secure_soc_close(client));
        }
    }

    @Test
    void startRecvAndStartSendReturnEveryDocumentedCode() throws Exception {
        int port = port();
        try (CompatFixture.Loopback link = new CompatFixture.Loopback()) {
            GskHandle[] s = sessions(link);
            byte[] buf = new byte[16];
            expect(GSK_INVALID_STATE, gsk_secure_soc_startRecv(s[1], port, area(buf, 16)));
            expect(GSK_INVALID_STATE, gsk_secure_soc_startSend(s[0], port, area(buf, 16)));
            ok(gsk_secure_soc_close(s[0]));
            ok(gsk_secure_soc_close(s[1]));
            GskHandle[] live = secure(link, port);
            expect(GSK_INVALID_HANDLE, gsk_secure_soc_startRecv(new GskHandle(), port, area(buf, 16)));
            expect(GSK_IBMI_ERROR_INVALID_IOCOMPLETIONPORT, gsk_secure_soc_startRecv(live[1], -5, area(buf, 16)));
            expect(GSK_IBMI_ERROR_INVALID_OVERLAPPEDIO_T, gsk_secure_soc_startRecv(live[1], port, null));
            Qso_OverlappedIO_t reserved = area(buf, 16);
            reserved.reserved1 = 7;
            expect(GSK_IBMI_ERROR_INVALID_OVERLAPPEDIO_T, gsk_secure_soc_startSend(live[0], port, reserved));
            expect(GSK_IBMI_ERROR_INVALID_POINTER, gsk_secure_soc_startRecv(live[1], port, area(null, 16)));
            expect(GSK_IBMI_ERROR_INVALID_POINTER, gsk_secure_soc_startSend(live[0], port, area(buf, 17)));
            expect(GSK_INVALID_BUFFER_SIZE, gsk_secure_soc_startRecv(live[1], port, area(buf, 0)));
            expect(GSK_INVALID_BUFFER_SIZE, gsk_secure_soc_startSend(live[0], port, area(buf, -1)));
            Qso_OverlappedIO_t posted = area(buf, 16);
            posted.postedDescriptor = 1;
            expect(GSK_ERROR_IO, gsk_secure_soc_startRecv(live[1], port, posted));
            assertEquals(EINVAL, errno());
            assertEquals(EINVAL, posted.errnoValue);
            Qso_OverlappedIO_t usec = area(buf, 16);
            usec.operationWaitTime = new Timeval(1, 500);
            expect(GSK_ERROR_IO, gsk_secure_soc_startSend(live[0], port, usec));
            assertEquals(EINVAL, errno());

            // pending receive, then a send that the empty socket takes at once
            byte[] in = new byte[16];
            Qso_OverlappedIO_t recv = area(in, 16);
            recv.descriptorHandle = "recv";
            expect(GSK_IBMI_ASYNCHRONOUS_RECV, gsk_secure_soc_startRecv(live[1], port, recv));
            assertEquals(0, recv.postFlagResult);
            byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
            Qso_OverlappedIO_t send = area(hello, 5);
            expect(GSK_OK, gsk_secure_soc_startSend(live[0], port, send));
            assertEquals(5, send.secureDataTransferSize);
            assertEquals(0, send.postFlagResult, "postFlag 0: nothing posted");
            Qso_OverlappedIO_t got = waitOne(port);
            assertEquals("recv", got.descriptorHandle);
            assertEquals(GSKSECURESOCSTARTRECV, got.operationCompleted);
            expect(GSK_OK, got.returnValue);
            assertEquals(5, got.secureDataTransferSize);
            assertSame(in, got.buffer);
            assertEquals(16, got.bufferLength);
            assertEquals("hello", new String(in, 0, 5, StandardCharsets.US_ASCII));

            // postFlag 1 on a send that finishes at once: GSK_OK, postFlagResult 1, and a completion
            Qso_OverlappedIO_t always = area(hello, 5);
            always.postFlag = 1;
            always.descriptorHandle = "always";
            expect(GSK_OK, gsk_secure_soc_startSend(live[0], port, always));
            assertEquals(1, always.postFlagResult);
            Qso_OverlappedIO_t posted2 = waitOne(port);
            assertEquals("always", posted2.descriptorHandle);
            assertEquals(GSKSECURESOCSTARTSEND, posted2.operationCompleted);
            assertEquals(5, posted2.secureDataTransferSize);
            assertEquals(1, posted2.postFlag);

            // data already decrypted and waiting: startRecv completes at once (GSK_OK, nothing posted)
            byte[] first = new byte[2];
            Qso_OverlappedIO_t a = area(first, 2);
            int rc = gsk_secure_soc_startRecv(live[1], port, a);
            if (rc == GSK_IBMI_ASYNCHRONOUS_RECV) {
                a = waitOne(port);
            } else {
                expect(GSK_OK, rc);
            }
            assertEquals(2, a.secureDataTransferSize);
            Qso_OverlappedIO_t rest = area(new byte[16], 16);
            expect(GSK_OK, gsk_secure_soc_startRecv(live[1], port, rest));
            assertEquals(3, rest.secureDataTransferSize);
            assertEquals(0, rest.postFlagResult);
            assertEquals(0, QsoWaitForIOCompletion(port, new Qso_OverlappedIO_t(), new Timeval(0, 100_000)));

            // a send the socket cannot take: GSK_IBMI_ASYNCHRONOUS_SEND, completed once the peer reads
            byte[] big = new byte[24 << 20];
            Qso_OverlappedIO_t bigSend = area(big, big.length);
            expect(GSK_IBMI_ASYNCHRONOUS_SEND, gsk_secure_soc_startSend(live[0], port, bigSend));
            JdkPeer.Running<Integer> drain = JdkPeer.start(() -> {
                byte[] sink = new byte[1 << 16];
                IntRef n = new IntRef();
                int total = 0;
                while (total < big.length) {
                    expect(GSK_OK, gsk_secure_soc_read(live[1], sink, sink.length, n));
                    total += n.value;
                }
                return total;
            });
            Qso_OverlappedIO_t sent = waitOne(port);
            assertEquals(GSKSECURESOCSTARTSEND, sent.operationCompleted);
            expect(GSK_OK, sent.returnValue);
            assertEquals(big.length, sent.secureDataTransferSize);
            assertEquals(big.length, drain.result());
            ok(gsk_secure_soc_close(live[0]));
            ok(gsk_secure_soc_close(live[1]));
        }
    }

    @Test
    void fillBufferAndOperationWaitTime() throws Exception {
        int port = port();
        try (CompatFixture.Loopback link = new CompatFixture.Loopback()) {
            GskHandle[] s = secure(link, port);
            Qso_OverlappedIO_t timed = area(new byte[8], 8);
            timed.operationWaitTime = new Timeval(1, 0);
            expect(GSK_IBMI_ASYNCHRONOUS_RECV, gsk_secure_soc_startRecv(s[1], port, timed));
            Qso_OverlappedIO_t expired = waitOne(port);
            expect(GSK_ERROR_IO, expired.returnValue);
            assertEquals(EAGAIN, expired.errnoValue);
            assertEquals(1, expired.operationWaitTime.tv_sec);

            byte[] in = new byte[10];
            Qso_OverlappedIO_t fill = area(in, 10);
            fill.fillBuffer = 1;
            expect(GSK_IBMI_ASYNCHRONOUS_RECV, gsk_secure_soc_startRecv(s[1], port, fill));
            IntRef n = new IntRef();
            ok(gsk_secure_soc_write(s[0], "0123".getBytes(StandardCharsets.US_ASCII), 4, n));
            assertEquals(0, QsoWaitForIOCompletion(port, new Qso_OverlappedIO_t(), new Timeval(0, 300_000)),
                    "4 of 10 bytes: a fillBuffer receive goes on");
            assertEquals(ETIME, errno(), "a time-out also sets ETIME");
            ok(gsk_secure_soc_write(s[0], "456789".getBytes(StandardCharsets.US_ASCII), 6, n));
            Qso_OverlappedIO_t full = waitOne(port);
            assertEquals(10, full.secureDataTransferSize);
            assertEquals(1, full.fillBuffer);
            assertEquals("0123456789", new String(in, StandardCharsets.US_ASCII));
            ok(gsk_secure_soc_close(s[0]));
            ok(gsk_secure_soc_close(s[1]));
        }
    }

    @Test
    void cancelledOperationsStillPostACompletion() throws Exception {
        int port = port();
        try (CompatFixture.Loopback link = new CompatFixture.Loopback()) {
            GskHandle[] s = secure(link, port);
            int fd = gsk_fd(link.server);
            Qso_OverlappedIO_t r1 = area(new byte[4], 4);
            r1.operationId = 1;
            Qso_OverlappedIO_t r2 = area(new byte[4], 4);
            r2.operationId = 2;
            expect(GSK_IBMI_ASYNCHRONOUS_RECV, gsk_secure_soc_startRecv(s[1], port, r1));
            expect(GSK_IBMI_ASYNCHRONOUS_RECV, gsk_secure_soc_startRecv(s[1], port, r2));
            assertEquals(0, QsoCancelOperation(fd, 3), "no operation has that id");
            assertEquals(1, QsoCancelOperation(fd, 2));
            Qso_OverlappedIO_t c = waitOne(port);
            assertEquals(2, c.operationId);
            expect(GSK_ERROR_IO, c.returnValue);
            assertEquals(ECANCELED, c.errnoValue);
            assertEquals(1, QsoCancelOperation(fd, 0), "0 cancels all that are left");
            assertEquals(1, waitOne(port).operationId);
            assertEquals(0, QsoCancelOperation(fd, 0));
            assertEquals(-1, QsoCancelOperation(987_654, 0));
            assertEquals(EBADF, errno());
            ok(gsk_secure_soc_close(s[0]));
            ok(gsk_secure_soc_close(s[1]));
        }
    }

    @Test
    void closingASessionCompletesItsPendingReceive() throws Exception {
        int port = port();
        try (CompatFixture.Loopback link = new CompatFixture.Loopback()) {
            GskHandle[] s = secure(link, port);
            expect(GSK_IBMI_ASYNCHRONOUS_RECV, gsk_secure_soc_startRecv(s[1], port, area(new byte[4], 4)));
            ok(gsk_secure_soc_close(s[1]));
            expect(GSK_IBMI_ERROR_CLOSED, waitOne(port).returnValue);
            ok(gsk_secure_soc_close(s[0]));
        }
    }

    @Test
    void theWaitCallWithZeroFiniteAndInfiniteTimes() throws Exception {
        int port = port();
        Qso_OverlappedIO_t out = new Qso_OverlappedIO_t();
        assertEquals(0, QsoWaitForIOCompletion(port, out, new Timeval(0, 0)), "zero: a poll");
        long t0 = System.nanoTime();
        assertEquals(0, QsoWaitForIOCompletion(port, out, new Timeval(0, 250_000)));
        assertTrue(System.nanoTime() - t0 >= 200_000_000L, "a finite wait waits");
        assertEquals(ETIME, errno());
        JdkPeer.Running<Qso_OverlappedIO_t> forever = JdkPeer.start(() -> {
            Qso_OverlappedIO_t got = new Qso_OverlappedIO_t();
            assertEquals(1, QsoWaitForIOCompletion(port, got, null));
            return got;
        });
        forever.awaitBlockedIn("io.gsk4j.compat.Gsk.QsoWaitForIOCompletion");
        Qso_OverlappedIO_t mine = new Qso_OverlappedIO_t();
        mine.descriptorHandle = "wake up";
        mine.buffer = new byte[3];
        mine.bufferLength = 3;
        mine.returnValue = 77;
        mine.operationId = 5;
        assertEquals(0, QsoPostIOCompletion(port, mine));
        assertEquals(QSOPOSTIOCOMPLETION, mine.operationCompleted);
        Qso_OverlappedIO_t got = forever.result();
        assertEquals("wake up", got.descriptorHandle);
        assertEquals(QSOPOSTIOCOMPLETION, got.operationCompleted);
        assertEquals(0, got.returnValue);
        assertEquals(0, got.errnoValue);
        assertSame(mine.buffer, got.buffer);
        assertEquals(3, got.bufferLength);
        assertEquals(5, got.operationId);
        // bad arguments
        assertEquals(-1, QsoWaitForIOCompletion(-3, out, null));
        assertEquals(EINVAL, errno());
        assertEquals(-1, QsoWaitForIOCompletion(port, null, null));
        assertEquals(EFAULT, errno());
        assertEquals(-1, QsoWaitForIOCompletion(port, out, new Timeval(-1, 0)));
        assertEquals(EINVAL, errno());
        assertEquals(-1, QsoPostIOCompletion(-3, mine));
        assertEquals(EINVAL, errno());
    }

    @Test
    void destroyingAPortWakesItsWaitersWithEdestroyed() throws Exception {
        int port = QsoCreateIOCompletionPort();
        JdkPeer.Running<int[]> waiter = JdkPeer.start(() -> {
            int rc = QsoWaitForIOCompletion(port, new Qso_OverlappedIO_t(), new Timeval(20, 0));
            return new int[] {rc, errno()};
        });
        waiter.awaitBlockedIn("io.gsk4j.compat.Gsk.QsoWaitForIOCompletion");
        assertEquals(0, QsoDestroyIOCompletionPort(port));
        int[] r = waiter.result();
        assertEquals(-1, r[0]);
        assertEquals(EDESTROYED, r[1]);
        assertEquals(-1, QsoDestroyIOCompletionPort(port), "destroyed already");
        assertEquals(EINVAL, errno());
        assertEquals(-1, QsoWaitForIOCompletion(port, new Qso_OverlappedIO_t(), new Timeval(0, 0)));
        assertEquals(EINVAL, errno());
    }

    @Test
    void atMost256PortsThenEnobufs() {
        int before = CompletionPort.liveCount();
        List<Integer> mine = new ArrayList<>();
        try {
            for (int i = before; i < CompletionPort.LIMIT; i++) {
                int p = QsoCreateIOCompletionPort();
                assertTrue(p >= 0);
                mine.add(p);
            }
            assertEquals(-1, QsoCreateIOCompletionPort());
            assertEquals(ENOBUFS, errno());
        } finally {
            mine.forEach(Gsk::QsoDestroyIOCompletionPort);
        }
        int again = QsoCreateIOCompletionPort();
        assertTrue(again >= 0, "a destroyed port frees its place");
        ports.add(again);
    }

    @Test
    void readAndWriteOnANonBlockingSocketSayWouldBlock() throws Exception {
        int port = port();
        try (CompatFixture.Loopback link = new CompatFixture.Loopback()) {
            link.client.configureBlocking(false);
            GskHandle[] s = secure(link, port);
            byte[] buf = new byte[10];
            IntRef n = new IntRef();
            n.value = 5;
            expect(GSK_WOULD_BLOCK, gsk_secure_soc_read(s[0], buf, buf.length, n));
            assertEquals(0, n.value);
            byte[] big = new byte[1 << 20];
            int blocked = 0;
            for (int i = 0; i < 64 && blocked == 0; i++) {
                int rc = gsk_secure_soc_write(s[0], big, big.length, n);
                if (rc == GSK_WOULD_BLOCK) {
                    blocked++;
                } else {
                    expect(GSK_OK, rc);
                }
            }
            assertEquals(1, blocked, "a full socket says GSK_WOULD_BLOCK");
            ok(gsk_secure_soc_close(s[0]));
            ok(gsk_secure_soc_close(s[1]));
        }
    }
}
