package dev.seva.sdk.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.sdk.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @Test
    void panIsNormalisedAndKnowsItsHolderType() {
        Pan pan = Pan.parse("  aaaca1234a ");
        assertEquals("AAACA1234A", pan.value());
        assertEquals('C', pan.holderType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAACA1234", "AAACA12345", "1AACA1234A", "AAAXA1234A", "AAAC-1234A", "", "   "})
    void panRejectsWhatIsNotAPan(String raw) {
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class, () -> Pan.parse(raw));
        assertEquals(ErrorCode.INVALID_PAN, e.code());
    }

    @Test
    void panRejectsNull() {
        assertThrows(InvalidIdentifierException.class, () -> Pan.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"27AAPFU0939F1ZV", "29AAGCB7383J1Z4"})
    void gstinAcceptsRealNumbers(String raw) {
        Gstin gstin = Gstin.parse(raw.toLowerCase());
        assertEquals(raw, gstin.value());
        assertEquals(raw.substring(0, 2), gstin.stateCode());
        assertEquals(raw.substring(2, 12), gstin.pan().value());
    }

    @Test
    void gstinCheckCharacterIsComputedOverTheFirstFourteen() {
        assertEquals('V', Gstin.checkCharacter("27AAPFU0939F1Z"));
    }

    @Test
    void gstinWithAWrongCheckCharacterIsRejectedNamingTheRightOne() {
        InvalidIdentifierException e = assertThrows(InvalidIdentifierException.class,
                () -> Gstin.parse("27AAPFU0939F1ZW"));
        assertEquals(ErrorCode.INVALID_GSTIN, e.code());
        assertTrue(e.getMessage().contains("should be V"), e.getMessage());
    }

    @Test
    void everySingleCharacterChangeOfAValidGstinIsCaught() {
        String valid = "27AAPFU0939F1ZV";
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int i = 0; i < 15; i++) {
            for (char c : alphabet.toCharArray()) {
                if (c == valid.charAt(i)) {
                    continue;
                }
                String changed = valid.substring(0, i) + c + valid.substring(i + 1);
                assertFalse(isValidGstin(changed), changed);
            }
        }
    }

    private static boolean isValidGstin(String raw) {
        try {
            Gstin.parse(raw);
            return true;
        } catch (InvalidIdentifierException e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"27AAPFU0939F1Z", "00AAPFU0939F1ZV", "27AAPXU0939F1ZV", "27AAPFU0939F0ZV",
            "27AAPFU0939F1ZV1"})
    void gstinRejectsMalformedValues(String raw) {
        assertEquals(ErrorCode.INVALID_GSTIN,
                assertThrows(InvalidIdentifierException.class, () -> Gstin.parse(raw)).code());
    }

    @Test
    void cinIsParsed() {
        Cin cin = Cin.parse("u72200ka2010ptc012345");
        assertEquals("U72200KA2010PTC012345", cin.value());
        assertFalse(cin.listed());
        assertEquals(2010, cin.year());
        assertTrue(Cin.parse("L17110MH1973PLC019786").listed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"X72200KA2010PTC012345", "U72200KA2010PTC01234", "U72200K12010PTC012345",
            "U72200KA0010PTC012345"})
    void cinRejectsMalformedValues(String raw) {
        assertEquals(ErrorCode.INVALID_CIN,
                assertThrows(InvalidIdentifierException.class, () -> Cin.parse(raw)).code());
    }

    @Test
    void llpin() {
        assertEquals("AAB-1234", Llpin.parse(" aab-1234").value());
        assertEquals(ErrorCode.INVALID_LLPIN,
                assertThrows(InvalidIdentifierException.class, () -> Llpin.parse("AAB1234")).code());
    }
}
