package io.gsk4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small pieces: JSON writer, HOST:PORT, option words, text for people. */
class SmallPartsTest {
    @Test
    void jsonEscapesWhatItMust() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", "quote \" backslash \\ newline \n tab \t bell \u0007 é");
        m.put("number", 6000);
        m.put("none", null);
        m.put("list", new ArrayList<>(List.of(true, 1.5, "x")));
        String json = Json.write(m);
        assertFalse(json.contains("\n"), json);
        assertEquals(m.get("text"), MiniJson.get(MiniJson.parse(json), "text"));
        assertEquals(6000L, MiniJson.get(MiniJson.parse(json), "number"));
        assertEquals(null, MiniJson.get(MiniJson.parse(json), "none"));
        assertEquals(1.5, MiniJson.get(MiniJson.parse(json), "list", 1));
    }

    @Test
    void hostPortAcceptsNamesAddressesAndBracketedIpv6() {
        assertEquals(new HostPort("example.com", 443), HostPort.parse("example.com:443"));
        assertEquals(new HostPort("::1", 4433), HostPort.parse("[::1]:4433"));
        assertTrue(HostPort.parse("10.0.0.1:1").isIpLiteral());
        assertFalse(HostPort.parse("example.com:1").isIpLiteral());
        for (String bad : new String[] {"example.com", ":443", "example.com:", "example.com:0", "example.com:x", "::1:443"}) {
            assertThrows(IllegalArgumentException.class, () -> HostPort.parse(bad), bad);
        }
    }

    @Test
    void optionWordsAndGskitNamesBothWork() {
        assertEquals(Choices.Auth.PASSTHRU, Choices.parse(Choices.Auth.class, "passthru"));
        assertEquals(Choices.Auth.PASSTHRU, Choices.parse(Choices.Auth.class, "GSK_SERVER_AUTH_PASSTHRU"));
        assertEquals(Choices.SessionType.SERVER_WITH_CL_AUTH, Choices.parse(Choices.SessionType.class, "server-with-cl-auth"));
        assertEquals(Choices.SessionType.SERVER_WITH_CL_AUTH, Choices.parse(Choices.SessionType.class, "GSK_SERVER_SESSION_WITH_CL_AUTH"));
        assertEquals(Choices.KeyType.EC_P256, Choices.parse(Choices.KeyType.class, "EC-P256"));
        assertThrows(picocli.CommandLine.TypeConversionException.class, () -> Choices.parse(Choices.OnOff.class, "yes"));
    }

    @Test
    void networkTextIsShownSafely() {
        byte[] data = "HTTP/1.1 400 Bad\r\n\u0001end".getBytes(StandardCharsets.UTF_8);
        assertEquals("\"HTTP/1.1 400 Bad\\r\\n\\x01end\"", Printable.quote(data, data.length, 100));
        assertEquals("HTTP/1.1 400 Bad\n\\x01end", Printable.text(data, data.length, 100));
        assertEquals("GET / HTTP/1.0\r\n\r\n", Printable.unescape("GET / HTTP/1.0\\r\\n\\r\\n"));
    }

    @Test
    void settingsShowCallsWithoutSecrets() {
        Setting pw = Setting.secret("GSK_KEYRING_PW", 202, "top-secret");
        assertEquals("gsk_attribute_set_buffer(env, GSK_KEYRING_PW, \"****\", 0)", pw.shown("env"));
        Step failed = new Step(Setting.enumValue("GSK_PROTOCOL_TLSV11", 437, "GSK_TRUE", 1).shown("env"), 412, null, null);
        assertEquals("GSK_PROTOCOL_TLSV11", failed.attribute());
    }

    @Test
    void aFailedStepCarriesTheFactsTheCompatLayerKeptForTheCall() {
        io.gsk4j.compat.GskHandle none = new io.gsk4j.compat.GskHandle();
        int rc = io.gsk4j.compat.Gsk.gsk_attribute_set_numeric_value(none, io.gsk4j.compat.Gsk.GSK_HANDSHAKE_TIMEOUT, 5);
        Step failed = Step.failed("gsk_attribute_set_numeric_value(session, GSK_HANDSHAKE_TIMEOUT, 5)", rc, null);
        assertTrue(rc != 0);
        assertEquals(rc, failed.failure().code());
        assertEquals(failed.failure().detail(), failed.detail());
        // a number the last failure does not match gets no borrowed facts
        assertEquals(null, Step.failed("other", rc + 1, null).failure());
    }

    @Test
    void passwordsNeverReachTheOutput() {
        Cli.Run r = Cli.run("client", "localhost:1", "--keyring", "/nonexistent.p12", "--password", "Hunter2-secret", "--trace", "--json");
        assertFalse(r.all().contains("Hunter2-secret"), r.all());
        assertTrue(r.out().contains("GSK_KEYRING_PW"), "the call is listed, masked: " + r.out());
        assertTrue(r.out().contains("gsk_attribute_set_buffer(env, GSK_KEYRING_PW, \\\"****\\\", 0)"), r.out());
    }
}
