package dev.seva.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadKeysTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "9876543210|9876543210",
            "+91 98765 43210|9876543210",
            "+91-98765-43210|9876543210",
            "0091 98765 43210|9876543210",
            "098765 43210|9876543210",
            "(0)98765-43210|9876543210",
            "919876543210|9876543210",
            "+44 20 7946 0958|442079460958",
            "022 2345 6789|2223456789",
            "12345|none",
            "98765 4321x|none",
            "abc|none",
            "+1 234 567 890 123 456|none",
            "' '|none"})
    void phonesAreNormalised(String raw, String key) {
        assertEquals(Optional.ofNullable(key), LeadKeys.phone(raw));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "Asha@Example.IN|asha@example.in",
            "'  asha@example.in '|asha@example.in",
            "asha@|none",
            "asha example.in|none"})
    void emailsAreLowerCased(String raw, String key) {
        assertEquals(Optional.ofNullable(key), LeadKeys.email(raw));
    }
}
