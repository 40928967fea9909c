package io.gsk4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What people paste: URLs as targets, status names and gsk4j's validation codes in strerror; JSON for both. */
class PastedInputTest {
    @Test
    void aUrlIsATarget() {
        assertEquals(new HostPort("example.com", 8443), HostPort.parse("https://example.com:8443/path?q=1#x"));
        assertEquals(new HostPort("example.com", 443), HostPort.parse("https://example.com/"));
        assertEquals(new HostPort("example.com", 443), HostPort.parse("HTTPS://user@example.com"));
        assertEquals(new HostPort("::1", 4433), HostPort.parse("https://[::1]:4433/"));
        assertEquals(new HostPort("::1", 443), HostPort.parse("https://[::1]/"));
        assertEquals(new HostPort("mail.example", 993), HostPort.parse("imaps://mail.example"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostPort.parse("gopher://example.com/"));
        assertTrue(e.getMessage().contains("has no port"), e.getMessage());
        assertEquals(new HostPort("example.com", 443), HostPort.parse("example.com:443"));
    }

    @Test
    void strerrorTakesNamesAndValidationCodes() {
        Cli.Run byName = Cli.run("strerror", "GSK_ERROR_NO_CIPHERS", "ssl_error_not_trusted_root");
        assertEquals(0, byName.exitCode(), byName::all);
        assertTrue(byName.out().startsWith("402 GSK_ERROR_NO_CIPHERS: "), byName.out());
        assertTrue(byName.out().contains("6000 GSK_IBMI_ERROR_NOT_TRUSTED_ROOT: "), byName.out());

        Cli.Run rule = Cli.run("strerror", "576026", "GSKVAL_ERROR_REVOKED_CERT");
        assertEquals(0, rule.exitCode(), rule::all);
        String text = ClientCommandTest.oneLine(rule.out());
        assertTrue(text.startsWith("576026 HOSTNAME_MISMATCH: the certificate does not name the expected host (RFC 6125 §6)"), text);
        assertTrue(text.contains("the handshake returns 8 GSK_ERROR_CERT_VALIDATION"), text);
        assertTrue(text.contains("likely cause"), text);
        assertTrue(text.contains("575032 GSKVAL_ERROR_REVOKED_CERT: "), text);

        Cli.Run bad = Cli.run("strerror", "6000", "GSK_NO_SUCH_THING");
        assertEquals(2, bad.exitCode());
        assertEquals("", bad.out(), "nothing printed before the typo is found");
        bad.assertOneLineError();
    }

    @Test
    void strerrorAndCodesSpeakJson() {
        Cli.Run r = Cli.run("strerror", "--json", "6000", "576026", "99999");
        assertEquals(0, r.exitCode(), r::all);
        Map<String, Object> o = MiniJson.object(r.out());
        assertEquals(1L, o.get("schemaVersion"));
        assertEquals("GSK_IBMI_ERROR_NOT_TRUSTED_ROOT", MiniJson.get(o, "codes", 0, "name"));
        assertTrue(((List<?>) MiniJson.get(o, "codes", 0, "aliases")).contains("SSL_ERROR_NOT_TRUSTED_ROOT"), r.out());
        assertTrue(((String) MiniJson.get(o, "codes", 0, "explanation", "fix")).contains("gsk4j store import"), r.out());
        assertEquals("validationRule", MiniJson.get(o, "codes", 1, "kind"));
        assertEquals(8L, MiniJson.get(o, "codes", 1, "status", "number"));
        assertEquals("GSK_UNKNOWN_RC(99999)", MiniJson.get(o, "codes", 2, "name"));
        assertEquals(null, MiniJson.get(o, "codes", 2, "explanation"));

        Cli.Run codes = Cli.run("codes", "--json");
        assertEquals(0, codes.exitCode(), codes::all);
        Map<String, Object> c = MiniJson.object(codes.out());
        assertEquals(1L, c.get("schemaVersion"));
        assertEquals("GSK_OK", MiniJson.get(c, "statuses", 0, "name"));
        assertEquals(575019L, MiniJson.get(c, "validationCodes", 0, "number"));
        assertEquals(io.gsk4j.GskStatus.values().length, ((List<?>) c.get("statuses")).size());
    }
}
