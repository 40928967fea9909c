package io.gsk4j.boringssl;

import io.gsk4j.Environment;
import io.gsk4j.StoreLocations;
import io.gsk4j.TlsEngine;
import io.gsk4j.attr.BufferAttribute;
import io.gsk4j.attr.EnumAttribute;
import io.gsk4j.attr.EnumValue;
import io.gsk4j.compat.Gsk;
import io.gsk4j.compat.GskHandle;
import io.gsk4j.compat.GskSslConstants;
import java.nio.file.Path;

/**
 * Run in a forked JVM by {@link BoringSslFallbackTest}: asks for BoringSSL through both APIs
 * (the attribute on a Java environment, gsk4j.engine on a compat one) and prints what it got,
 * one {@code key=value} a line.
 */
public final class EngineReportMain {
    private EngineReportMain() {
    }

    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        String password = args[1];
        try (Environment env = Environment.open(StoreLocations.under(store.getParent().resolve("home")))) {
            env.set(BufferAttribute.GSK_KEYRING_FILE, store.toString());
            env.set(BufferAttribute.GSK_KEYRING_PW, password);
            env.set(EnumAttribute.GSK4J_TLS_ENGINE, EnumValue.GSK4J_TLS_ENGINE_BORINGSSL);
            env.init();
            TlsEngine engine = env.engine();
            System.out.println("name=" + engine.name());
            System.out.println("requested=" + engine.requested());
            System.out.println("reason=" + engine.fallbackReason().orElse(""));
            System.out.println("attribute=" + env.getEnum(EnumAttribute.GSK4J_TLS_ENGINE));
        }
        System.setProperty("gsk4j.engine", "boringssl");
        GskHandle compat = new GskHandle();
        Gsk.gsk_environment_open(compat);
        Gsk.gsk_attribute_set_buffer(compat, GskSslConstants.GSK_KEYRING_FILE, store.toString(), 0);
        Gsk.gsk_attribute_set_buffer(compat, GskSslConstants.GSK_KEYRING_PW, password, 0);
        System.out.println("compatInit=" + Gsk.gsk_environment_init(compat));
        Gsk.gsk_environment_close(compat);
    }
}
