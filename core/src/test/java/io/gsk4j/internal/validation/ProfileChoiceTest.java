package io.gsk4j.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gsk4j.internal.validation.ValidationPolicy.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a program that cannot set GSK4J_VALIDATION_PROFILE is given a profile. */
class ProfileChoiceTest {
    @TempDir
    Path dir;

    private static UnaryOperator<String> property(String value) {
        return name -> Map.of(ProfileChoice.PROPERTY, value).get(name);
    }

    private static final UnaryOperator<String> NONE = name -> null;

    @Test
    void withoutAnySettingTheDefaultIsRfc5280() {
        assertEquals(Profile.RFC5280, ProfileChoice.environmentDefault(null, dir.resolve("appdefs.properties"), NONE));
        assertEquals(Profile.RFC5280, ProfileChoice.environmentDefault("APP", dir.resolve("appdefs.properties"), NONE));
    }

    @Test
    void theSystemPropertyChoosesForTheWholeJvm() {
        Path none = dir.resolve("appdefs.properties");
        assertEquals(Profile.STRICT, ProfileChoice.environmentDefault(null, none, property("strict")));
        assertEquals(Profile.STRICT, ProfileChoice.environmentDefault(null, none, property(" STRICT ")));
        assertEquals(Profile.JDK, ProfileChoice.environmentDefault(null, none, property("jdk")));
        assertEquals(Profile.RFC5280, ProfileChoice.environmentDefault(null, none, property("rfc5280")));
        assertEquals(Profile.RFC5280, ProfileChoice.environmentDefault(null, none, property("default")));
        // a misspelt wish for more checking must not get less
        assertEquals(Profile.STRICT, ProfileChoice.environmentDefault(null, none, property("strcit")));
    }

    @Test
    void theApplicationDefinitionWinsOverTheProperty() throws Exception {
        Path defs = dir.resolve("appdefs.properties");
        Files.writeString(defs, "CURL_APP.store=*SYSTEM\nCURL_APP.validationProfile=strict\nOTHER.store=*SYSTEM\n");
        assertEquals(Profile.STRICT, ProfileChoice.environmentDefault("CURL_APP", defs, NONE));
        assertEquals(Profile.STRICT, ProfileChoice.environmentDefault("CURL_APP", defs, property("jdk")));
        // an application without the key falls back to the property, then the default
        assertEquals(Profile.JDK, ProfileChoice.environmentDefault("OTHER", defs, property("jdk")));
        assertEquals(Profile.RFC5280, ProfileChoice.environmentDefault("OTHER", defs, NONE));
        // without an application ID the definitions are not consulted
        assertEquals(Profile.RFC5280, ProfileChoice.environmentDefault(null, defs, NONE));
    }
}
