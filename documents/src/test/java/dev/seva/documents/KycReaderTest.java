package dev.seva.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.sdk.identifiers.Aadhaar;
import dev.seva.sdk.identifiers.Gstin;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KycReaderTest {

    static String aadhaar(String eleven) {
        return eleven + Aadhaar.verhoeffDigit(eleven);
    }

    static final String GSTIN = "27AAPFU0939F1Z" + Gstin.checkCharacter("27AAPFU0939F1Z");

    @Test
    void aPanCardIsRecognisedAndItsPanAndBirthDateRead() {
        var r = KycReader.read(String.join("\n", Fixtures.PAN_CARD));
        assertEquals(DocumentType.PAN_CARD, r.type());
        assertEquals("ABCPK1234F", r.fields().get(KycReader.PAN));
        assertEquals("1985-08-15", r.fields().get("dateOfBirth"));
    }

    @Test
    void ocrLookAlikesInAPanAreRepairedOnlyWhenTheResultIsValid() {
        // O for 0 and I for 1 in the digit positions, 5 for S in a letter position
        var r = KycReader.read("INCOME TAX DEPARTMENT Permanent Account Number AB5PK I234F".replace(" I234F",
                "I234F"));
        assertEquals("ABSPKI234F".length(), 10);
        assertEquals("ABSPK1234F", r.fields().get(KycReader.PAN));
        assertNull(KycReader.fields("DEPARTMENT GOVERNMENT").get(KycReader.PAN));
    }

    @Test
    void aGstCertificateGivesItsGstinWithAValidCheckCharacterAndThePanInside() {
        String text = "Government of India\nForm GST REG-06\nRegistration Certificate\nRegistration Number: " + GSTIN
                + "\nLegal Name ACME WIDGETS LLP\nConstitution of Business: Partnership\nDate of Liability 01/07/2017"
                + "\nDate of Issue 15-Jul-2017";
        var r = KycReader.read(text);
        assertEquals(DocumentType.GST_CERTIFICATE, r.type());
        assertEquals(GSTIN, r.fields().get(KycReader.GSTIN));
        assertEquals("AAPFU0939F", r.fields().get(KycReader.PAN));
        assertEquals("2017-07-01", r.fields().get("validFrom"));
        assertEquals("2017-07-15", r.fields().get("issuedOn"));
    }

    @Test
    void aGstinWithAWrongCheckCharacterIsNotExtracted() {
        char wrong = GSTIN.charAt(14) == 'A' ? 'B' : 'A';
        assertNull(KycReader.fields("GSTIN " + GSTIN.substring(0, 14) + wrong).get(KycReader.GSTIN));
    }

    @Test
    void anIncorporationCertificateGivesItsCin() {
        var r = KycReader
                .read("Certificate of Incorporation\nI hereby certify that ACME PRIVATE LIMITED is incorporated"
                        + " on this 12th day under the Companies Act, 2013\nCorporate Identity Number: U72200KA2010PTC012345"
                        + "\nGiven under my hand at Bangalore this 12/03/2010\nRegistrar of Companies");
        assertEquals(DocumentType.INCORPORATION_CERTIFICATE, r.type());
        assertEquals("U72200KA2010PTC012345", r.fields().get(KycReader.CIN));
    }

    @Test
    void anAadhaarIsRecognisedAndOnlyItsLastFourDigitsAreKept() {
        String number = aadhaar("49182736451");
        String spaced = number.substring(0, 4) + " " + number.substring(4, 8) + " " + number.substring(8);
        String text = "Unique Identification Authority of India\nGovernment of India\nRAJESH KUMAR\nDOB: 15/08/1985\n"
                + "MALE\n" + spaced + "\nAadhaar - Aam Aadmi ka Adhikar";
        var r = KycReader.read(text);
        assertEquals(DocumentType.AADHAAR, r.type());
        assertEquals("XXXX XXXX " + number.substring(8), r.fields().get(KycReader.AADHAAR_MASKED));
        for (String v : r.fields().values()) {
            assertFalse(v.contains(number.substring(0, 8)), v);
        }
        String redacted = KycReader.redact(text);
        assertFalse(redacted.contains(number.substring(0, 4) + " " + number.substring(4, 8)), redacted);
        assertTrue(redacted.contains("XXXX XXXX " + number.substring(8)));
    }

    @Test
    void twelveDigitsThatFailVerhoeffAreNeitherAadhaarNorRedacted() {
        String number = aadhaar("49182736451");
        char last = number.charAt(11);
        String bad = number.substring(0, 11) + (char) (last == '9' ? '0' : last + 1);
        assertNull(KycReader.fields("Account " + bad).get(KycReader.AADHAAR_MASKED));
        assertEquals("Account " + bad, KycReader.redact("Account " + bad));
    }

    @Test
    void aCancelledChequeGivesItsIfsc() {
        var r = KycReader.read("HDFC BANK\nIFSC: HDFC0001234\nPay ____ or Bearer\nRupees\nA/c No 50100012345678\n"
                + "CANCELLED");
        assertEquals(DocumentType.CANCELLED_CHEQUE, r.type());
        assertEquals("HDFC0001234", r.fields().get(KycReader.IFSC));
    }

    @Test
    void aBankStatementAndAnInvoiceAreTold() {
        assertEquals(DocumentType.BANK_STATEMENT, KycReader.read("Statement of Account\nIFSC SBIN0000456\n"
                + "Opening Balance 1,000.00\nDate Narration Withdrawal Deposit\nClosing Balance 2,000.00").type());
        var inv = KycReader.read("TAX INVOICE\nInvoice No: INV-2024-0042\nInvoice Date: 05/04/2024\nGSTIN " + GSTIN
                + "\nHSN 8471 CGST 9% SGST 9%\nGrand Total 11,800.00");
        assertEquals(DocumentType.INVOICE, inv.type());
        assertEquals("2024-04-05", inv.fields().get("invoiceDate"));
    }

    @Test
    void unrelatedTextIsOther() {
        Map<String, String> none = KycReader.fields("The quick brown fox jumps over the lazy dog.");
        assertTrue(none.isEmpty());
        assertEquals(DocumentType.OTHER, KycReader.read("Minutes of the board meeting held today.").type());
    }
}
