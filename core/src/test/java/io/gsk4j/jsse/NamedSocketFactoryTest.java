package io.gsk4j.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gsk4j.Environment;
import io.gsk4j.GskStatus;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.support.Stores;
import io.gsk4j.testpki.TestPki;
import io.gsk4j.testpki.TestPki.Ca;
import io.gsk4j.testpki.TestPki.KeyType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The factory a JDBC driver would load by class name: made by reflection with the name a
 * connection string's sslfactoryarg would carry, and layered over a plain socket the way
 * pgjdbc upgrades its connection (createSocket(socket, host, port, autoClose)).
 */
class NamedSocketFactoryTest {
    @TempDir
    Path dir;

    @Test
    void aDriverLoadingTheClassByNameTalksThroughTheEnvironment() throws Exception {
        Ca ca = TestPki.rootCa("Named CA", KeyType.EC_P256);
        Environment serverEnv = Stores.initialised(dir, EnumValue.GSK_SERVER_SESSION,
                Stores.pkcs12(dir, "server", ca.issueServer("localhost", KeyType.EC_P256, "localhost")));
        Environment clientEnv = Stores.initialised(dir, EnumValue.GSK_CLIENT_SESSION, Stores.pkcs12(dir, "client", null, ca.certificate()));
        NamedSocketFactory.register("orders-db", clientEnv);
        try (GskHttpsServer server = new GskHttpsServer(serverEnv)) {
            Object made = Class.forName("io.gsk4j.jsse.NamedSocketFactory").getConstructor(String.class).newInstance("orders-db");
            NamedSocketFactory factory = (NamedSocketFactory) made;
            try (Socket plain = SocketFactory.getDefault().createSocket("localhost", server.port());
                    SSLSocket tls = (SSLSocket) factory.createSocket(plain, "localhost", server.port(), true)) {
                tls.setSoTimeout(20_000);
                OutputStream out = tls.getOutputStream();
                out.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answer = new String(tls.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertTrue(answer.startsWith("HTTP/1.1 200 OK") && answer.endsWith(GskHttpsServer.BODY), answer);
            }
            assertEquals("ok", server.nextOutcome());
        } finally {
            NamedSocketFactory.unregister("orders-db");
            clientEnv.close();
            serverEnv.close();
        }
    }

    @Test
    void anUnregisteredNameIsRefusedWhenTheDriverMakesTheFactory() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new NamedSocketFactory("nobody"));
        assertTrue(e.getMessage().contains("nobody"), e.getMessage());
    }

    @Test
    void anEnvironmentNotInitialisedCannotBeRegistered() throws IOException {
        try (Environment env = Environment.open()) {
            assertEquals(GskStatus.GSK_IBMI_ERROR_NO_INITIALIZE.code(),
                    assertThrows(io.gsk4j.GskException.class, () -> NamedSocketFactory.register("x", env)).code());
        }
    }
}
