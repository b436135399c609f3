package dev.seva.sdk.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.sdk.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AadhaarIfscTest {

    @Test
    void verhoeffMatchesTheTextbookExample() {
        // the classic example: 236 has check digit 3
        assertEquals(3, Aadhaar.verhoeffDigit("236"));
        assertTrue(Aadhaar.verhoeffValid("2363"));
        assertFalse(Aadhaar.verhoeffValid("2364"));
    }

    @Test
    void aValidNumberIsShownOnlyMasked() {
        String eleven = "49182736451";
        String full = eleven + Aadhaar.verhoeffDigit(eleven);
        Aadhaar a = Aadhaar.parse(full.substring(0, 4) + " " + full.substring(4, 8) + " " + full.substring(8));
        assertEquals(full.substring(8), a.last4());
        assertEquals("XXXX XXXX " + full.substring(8), a.masked());
        assertFalse(a.toString().contains(full.substring(0, 8)), "toString never shows the first eight digits");
    }

    @Test
    void everySingleDigitTypoIsCaught() {
        String eleven = "73920184655";
        String full = eleven + Aadhaar.verhoeffDigit(eleven);
        for (int i = 1; i < 12; i++) {
            for (char c = '0'; c <= '9'; c++) {
                if (c == full.charAt(i)) {
                    continue;
                }
                String typo = full.substring(0, i) + c + full.substring(i + 1);
                assertFalse(Aadhaar.verhoeffValid(typo), typo);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789012", "01234567890", "2345678901", "abcdabcdabcd", " "})
    void malformedNumbersAreRefused(String raw) {
        assertEquals(ErrorCode.INVALID_AADHAAR,
                assertThrows(InvalidIdentifierException.class, () -> Aadhaar.parse(raw)).code());
    }

    @Test
    void ifscIsFourLettersAZeroAndSixMore() {
        assertEquals("HDFC", Ifsc.parse(" hdfc0001234 ").bank());
        assertEquals(ErrorCode.INVALID_IFSC,
                assertThrows(InvalidIdentifierException.class, () -> Ifsc.parse("HDFC1001234")).code());
    }
}
