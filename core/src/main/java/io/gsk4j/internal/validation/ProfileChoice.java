package io.gsk4j.internal.validation;

import io.gsk4j.internal.validation.ValidationPolicy.Profile;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The profile a session uses when the program did not set GSK4J_VALIDATION_PROFILE, so that a
 * program that cannot set gsk4j's own attributes (curl, HTTPAPI) can still be given one:
 * the application definition's {@code <ID>.validationProfile} (the administrator's choice for
 * one application), else the system property {@code gsk4j.validation.profile} (for the whole
 * JVM), else RFC5280. Values: {@code strict}, {@code rfc5280} (or {@code default}), {@code jdk},
 * case-insensitive. A value that names no profile chooses STRICT, the most demanding, and is
 * logged: a misspelt wish for more checking must not silently get less.
 */
public final class ProfileChoice {
    public static final String PROPERTY = "gsk4j.validation.profile";
    public static final String APPLICATION_KEY = "validationProfile";
    private static final System.Logger LOG = System.getLogger(ProfileChoice.class.getName());

    private ProfileChoice() {
    }

    /**
     * @param applicationId the environment's GSK_IBMI_APPLICATION_ID, or null
     * @param definitions the application-definitions file (appdefs.properties)
     */
    public static Profile environmentDefault(String applicationId, Path definitions) {
        return environmentDefault(applicationId, definitions, System::getProperty);
    }

    /** The same, the system properties read through {@code properties} (for tests). */
    static Profile environmentDefault(String applicationId, Path definitions, UnaryOperator<String> properties) {
        Optional<String> fromDefinition = applicationId == null || applicationId.isBlank()
                ? Optional.empty() : definitionValue(applicationId, definitions);
        if (fromDefinition.isPresent()) {
            return parse(fromDefinition.get(), applicationId + "." + APPLICATION_KEY + " in " + definitions);
        }
        String property = properties.apply(PROPERTY);
        if (property != null && !property.isBlank()) {
            return parse(property, "system property " + PROPERTY);
        }
        return Profile.RFC5280;
    }

    static Profile parse(String value, String where) {
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "strict":
                return Profile.STRICT;
            case "rfc5280":
            case "default":
                return Profile.RFC5280;
            case "jdk":
                return Profile.JDK;
            default:
                LOG.log(System.Logger.Level.WARNING, "{0} names no validation profile (\"{1}\"); using STRICT", where, value);
                return Profile.STRICT;
        }
    }

    private static Optional<String> definitionValue(String applicationId, Path definitions) {
        if (!Files.isReadable(definitions)) {
            return Optional.empty(); // the store lookup reports a missing registry with its own status
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(definitions, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String v = p.getProperty(applicationId + "." + APPLICATION_KEY);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }
}
