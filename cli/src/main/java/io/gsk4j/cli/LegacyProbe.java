package io.gsk4j.cli;

import io.gsk4j.TlsProtocol;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Which old protocol a server speaks when it refuses everything this Java runtime offers. The
 * JDK will not send a TLS 1.1, 1.0 or SSL 3.0 ClientHello once jdk.tls.disabledAlgorithms names
 * them, so this probe writes one by hand on a plain socket and reads the version of the
 * ServerHello that answers. No handshake is completed: one record out, one record header and
 * ServerHello in, then the connection is dropped.
 */
final class LegacyProbe {
    /** What the server answered: the version of its ServerHello, and the suite it picked. */
    record Answer(TlsProtocol protocol, int cipherSuite) {
        String displayName() {
            return switch (protocol) {
                case SSLV3 -> "SSL 3.0";
                case TLSV10 -> "TLS 1.0";
                default -> "TLS 1.1";
            };
        }

        String cipherSuiteHex() {
            return String.format("0x%04X", cipherSuite);
        }
    }

    /** Legacy suites in the IANA numbering: ECDHE and RSA key exchange with AES-CBC, 3DES and RC4. */
    private static final int[] SUITES = {0xC014, 0xC013, 0xC00A, 0xC009, 0x0039, 0x0033, 0x0035, 0x002F, 0x000A, 0x0005, 0x0004};
    private static final int READ_TIMEOUT_MILLIS = 5000;

    private LegacyProbe() {
    }

    /** Offers TLS 1.1 (a server answers with the highest version up to it), then SSL 3.0. */
    static Optional<Answer> run(HostPort target, String serverName, int connectTimeoutSeconds) {
        for (int version : new int[] {0x0302, 0x0300}) {
            Optional<Answer> a = offer(target, serverName, connectTimeoutSeconds, version);
            if (a.isPresent()) {
                return a;
            }
        }
        return Optional.empty();
    }

    private static Optional<Answer> offer(HostPort target, String serverName, int connectTimeoutSeconds, int version) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(target.host(), target.port()), connectTimeoutSeconds * 1000);
            s.setTcpNoDelay(true);
            s.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = s.getOutputStream();
            out.write(clientHello(version, serverName));
            out.flush();
            return serverHello(s.getInputStream());
        } catch (IOException e) {
            return Optional.empty(); // refused, reset or silent: no old protocol found this way
        }
    }

    /** A ClientHello record offering {@code version}: no extensions for SSL 3.0, SNI and EC ones otherwise. */
    static byte[] clientHello(int version, String serverName) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        u16(body, version);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        body.writeBytes(random);
        body.write(0); // no session id
        u16(body, SUITES.length * 2 + 2);
        for (int suite : SUITES) {
            u16(body, suite);
        }
        u16(body, 0x00FF); // TLS_EMPTY_RENEGOTIATION_INFO_SCSV
        body.write(1);
        body.write(0); // null compression
        if (version > 0x0300) {
            ByteArrayOutputStream ext = new ByteArrayOutputStream();
            if (serverName != null) {
                byte[] name = serverName.getBytes(StandardCharsets.US_ASCII);
                u16(ext, 0x0000);
                u16(ext, name.length + 5);
                u16(ext, name.length + 3);
                ext.write(0); // host_name
                u16(ext, name.length);
                ext.writeBytes(name);
            }
            u16(ext, 0x000A); // supported_groups: secp256r1, secp384r1, x25519
            u16(ext, 8);
            u16(ext, 6);
            u16(ext, 0x0017);
            u16(ext, 0x0018);
            u16(ext, 0x001D);
            u16(ext, 0x000B); // ec_point_formats: uncompressed
            u16(ext, 2);
            ext.write(1);
            ext.write(0);
            u16(body, ext.size());
            body.writeBytes(ext.toByteArray());
        }
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(22); // handshake
        u16(record, version == 0x0300 ? 0x0300 : 0x0301);
        u16(record, body.size() + 4);
        record.write(1); // client_hello
        record.write(0);
        u16(record, body.size());
        record.writeBytes(body.toByteArray());
        return record.toByteArray();
    }

    /** The ServerHello's version and suite, or empty for an alert or anything else. */
    static Optional<Answer> serverHello(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int type = data.readUnsignedByte();
        data.readUnsignedShort(); // record version
        int length = data.readUnsignedShort();
        if (type != 22 || length < 42) {
            return Optional.empty();
        }
        if (data.readUnsignedByte() != 2) { // server_hello
            return Optional.empty();
        }
        data.skipNBytes(3);
        int version = data.readUnsignedShort();
        data.skipNBytes(32);
        int sessionIdLength = data.readUnsignedByte();
        data.skipNBytes(sessionIdLength);
        int suite = data.readUnsignedShort();
        return protocol(version).map(p -> new Answer(p, suite));
    }

    private static Optional<TlsProtocol> protocol(int version) {
        return switch (version) {
            case 0x0300 -> Optional.of(TlsProtocol.SSLV3);
            case 0x0301 -> Optional.of(TlsProtocol.TLSV10);
            case 0x0302 -> Optional.of(TlsProtocol.TLSV11);
            default -> Optional.empty(); // 1.2 and up are the runtime's own business
        };
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value & 0xFF);
    }
}
