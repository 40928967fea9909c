package io.gsk4j.cli;

import static io.gsk4j.compat.Gsk.*;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The option values that name GSKit enumeration values. Users type the short word
 * ("passthru"); the GSKit constant name ("GSK_SERVER_AUTH_PASSTHRU") is accepted too, so a
 * porter can copy it from C code.
 */
final class Choices {
    private Choices() {
    }

    /** An option value: the word users type, the GSKit name and number it stands for. */
    interface Choice {
        String word();

        String gskName();

        int gskValue();

        /** The word, with '_' for '-', or the GSKit name; any case. */
        default boolean matches(String text) {
            String t = text.trim();
            return word().equalsIgnoreCase(t) || word().equalsIgnoreCase(t.replace('_', '-')) || gskName().equalsIgnoreCase(t);
        }
    }

    enum OnOff implements Choice {
        ON("GSK_TRUE", GSK_TRUE), OFF("GSK_FALSE", GSK_FALSE);

        private final String gskName;
        private final int value;

        OnOff(String gskName, int value) {
            this.gskName = gskName;
            this.value = value;
        }

        @Override public String word() { return name().toLowerCase(Locale.ROOT); }
        @Override public String gskName() { return gskName; }
        @Override public int gskValue() { return value; }
        @Override public String toString() { return word(); }
    }

    /** GSK_SESSION_TYPE. */
    enum SessionType implements Choice {
        CLIENT("GSK_CLIENT_SESSION", GSK_CLIENT_SESSION),
        SERVER("GSK_SERVER_SESSION", GSK_SERVER_SESSION),
        SERVER_WITH_CL_AUTH("GSK_SERVER_SESSION_WITH_CL_AUTH", GSK_SERVER_SESSION_WITH_CL_AUTH),
        SERVER_WITH_CL_AUTH_CRITICAL("GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL", GSK_SERVER_SESSION_WITH_CL_AUTH_CRITICAL);

        private final String gskName;
        private final int value;

        SessionType(String gskName, int value) {
            this.gskName = gskName;
            this.value = value;
        }

        boolean isServer() {
            return this != CLIENT;
        }

        @Override public String word() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
        @Override public String gskName() { return gskName; }
        @Override public int gskValue() { return value; }
        @Override public String toString() { return word(); }
    }

    /** What the server asks of clients: the three server session types. */
    enum ClientAuth implements Choice {
        NONE(SessionType.SERVER), OPTIONAL(SessionType.SERVER_WITH_CL_AUTH), REQUIRED(SessionType.SERVER_WITH_CL_AUTH_CRITICAL);

        final SessionType sessionType;

        ClientAuth(SessionType sessionType) {
            this.sessionType = sessionType;
        }

        @Override public String word() { return name().toLowerCase(Locale.ROOT); }
        @Override public String gskName() { return sessionType.gskName(); }
        @Override public int gskValue() { return sessionType.gskValue(); }
        @Override public String toString() { return word(); }
    }

    /** GSK_SERVER_AUTH_TYPE (client side) or GSK_CLIENT_AUTH_TYPE (server side). */
    enum Auth implements Choice {
        FULL, PASSTHRU;

        @Override public String word() { return name().toLowerCase(Locale.ROOT); }
        @Override public String gskName() { return "GSK_SERVER_AUTH_" + name(); }
        @Override public int gskValue() { return serverAuthValue(); }
        @Override public String toString() { return word(); }

        @Override
        public boolean matches(String text) {
            return Choice.super.matches(text) || ("GSK_CLIENT_AUTH_" + name()).equalsIgnoreCase(text.trim());
        }

        int serverAuthValue() {
            return this == FULL ? GSK_SERVER_AUTH_FULL : GSK_SERVER_AUTH_PASSTHRU;
        }

        int clientAuthValue() {
            return this == FULL ? GSK_CLIENT_AUTH_FULL : GSK_CLIENT_AUTH_PASSTHRU;
        }
    }

    /** What the server does with a connection once it is secure. */
    enum ServerMode implements Choice {
        ECHO, HTTP;

        @Override public String word() { return name().toLowerCase(Locale.ROOT); }
        @Override public String gskName() { return word(); }
        @Override public int gskValue() { return -1; }
        @Override public String toString() { return word(); }
    }

    /** GSK4J_VALIDATION_PROFILE: how strictly a peer's chain is judged (docs/VALIDATION.md). */
    enum Profile implements Choice {
        STRICT("GSK4J_VALIDATION_PROFILE_STRICT", GSK4J_VALIDATION_PROFILE_STRICT),
        RFC5280("GSK4J_VALIDATION_PROFILE_RFC5280", GSK4J_VALIDATION_PROFILE_RFC5280),
        JDK("GSK4J_VALIDATION_PROFILE_JDK", GSK4J_VALIDATION_PROFILE_JDK);

        private final String gskName;
        private final int value;

        Profile(String gskName, int value) {
            this.gskName = gskName;
            this.value = value;
        }

        @Override public String word() { return name().toLowerCase(Locale.ROOT); }
        @Override public String gskName() { return gskName; }
        @Override public int gskValue() { return value; }
        @Override public String toString() { return word(); }
    }

    /** GSK4J_TLS_ENGINE: the TLS engine an environment's sessions run on. */
    enum Engine implements Choice {
        JSSE("GSK4J_TLS_ENGINE_JSSE", GSK4J_TLS_ENGINE_JSSE),
        BORINGSSL("GSK4J_TLS_ENGINE_BORINGSSL", GSK4J_TLS_ENGINE_BORINGSSL);

        private final String gskName;
        private final int value;

        Engine(String gskName, int value) {
            this.gskName = gskName;
            this.value = value;
        }

        @Override public String word() { return name().toLowerCase(Locale.ROOT); }
        @Override public String gskName() { return gskName; }
        @Override public int gskValue() { return value; }
        @Override public String toString() { return word(); }
    }

    /** Key algorithm and size for new certificates. */
    enum KeyType implements Choice {
        RSA_2048("RSA", 2048), RSA_3072("RSA", 3072), RSA_4096("RSA", 4096), EC_P256("EC", 256), EC_P384("EC", 384);

        final String algorithm;
        final int size;

        KeyType(String algorithm, int size) {
            this.algorithm = algorithm;
            this.size = size;
        }

        @Override public String word() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
        @Override public String gskName() { return word(); }
        @Override public int gskValue() { return size; }
        @Override public String toString() { return word(); }
    }

    /** What a new end-entity certificate may be used for (extended key usage). */
    enum Usage implements Choice {
        SERVER, CLIENT, BOTH;

        @Override public String word() { return name().toLowerCase(Locale.ROOT); }
        @Override public String gskName() { return word(); }
        @Override public int gskValue() { return ordinal(); }
        @Override public String toString() { return word(); }

        boolean server() {
            return this != CLIENT;
        }

        boolean client() {
            return this != SERVER;
        }
    }

    /** Registers a converter for every choice type, on the command and all its subcommands. */
    static void register(CommandLine cl) {
        cl.registerConverter(OnOff.class, converter(OnOff.class));
        cl.registerConverter(SessionType.class, converter(SessionType.class));
        cl.registerConverter(ClientAuth.class, converter(ClientAuth.class));
        cl.registerConverter(Auth.class, converter(Auth.class));
        cl.registerConverter(ServerMode.class, converter(ServerMode.class));
        cl.registerConverter(KeyType.class, converter(KeyType.class));
        cl.registerConverter(Profile.class, converter(Profile.class));
        cl.registerConverter(Usage.class, converter(Usage.class));
        cl.registerConverter(Engine.class, converter(Engine.class));
    }

    static <E extends Enum<E> & Choice> ITypeConverter<E> converter(Class<E> type) {
        return text -> parse(type, text);
    }

    static <E extends Enum<E> & Choice> E parse(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.matches(text)) {
                return e;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Choice::word).collect(Collectors.joining(", "));
        throw new TypeConversionException("'" + text + "' is not one of: " + allowed);
    }
}
