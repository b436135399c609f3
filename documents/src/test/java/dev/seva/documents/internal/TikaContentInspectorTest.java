package dev.seva.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.documents.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TikaContentInspectorTest {

    static String detect(byte[] b) throws IOException {
        return TikaContentInspector.detect(new ByteArrayInputStream(b));
    }

    @Test
    void allowedTypesAreDetectedFromTheirBytes() throws IOException {
        var img = Fixtures.card(Fixtures.PAN_CARD);
        assertEquals("image/png", detect(Fixtures.png(img)));
        assertEquals("image/jpeg", detect(Fixtures.jpeg(img)));
        assertEquals("application/pdf", detect(Fixtures.textPdf(List.of("hello"))));
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                detect(Fixtures.docx(List.of("hello"))));
        assertEquals("text/plain", detect("just some text\nsecond line\n".getBytes()));
        for (String t : List.of("image/png", "application/pdf", "text/plain")) {
            assertTrue(TikaContentInspector.allowed(t), t);
        }
    }

    @Test
    void anExecutableOrAnArchiveIsNamedForWhatItIsAndRefused() throws IOException {
        String elf = detect(Fixtures.elf());
        assertTrue(elf.startsWith("application/x-"), elf);
        assertFalse(TikaContentInspector.allowed(elf));
        String zip = detect(Fixtures.zipBomb(1));
        assertEquals("application/zip", zip);
        assertFalse(TikaContentInspector.allowed(zip));
        assertFalse(TikaContentInspector.allowed(detect("<html><body><script>x()</script></body></html>"
                .getBytes())));
    }

    @Test
    void textExtractionStopsAtTheWriteLimit() throws IOException {
        byte[] big = "lorem ipsum dolor sit amet\n".repeat(100_000).getBytes();
        var t = TikaContentInspector.extract(new ByteArrayInputStream(big), 10_000);
        assertTrue(t.truncated());
        assertTrue(t.text().length() <= 10_000);
    }

    @Test
    void digitalPdfAndDocxGiveTheirText() throws IOException {
        var pdf = TikaContentInspector.extract(new ByteArrayInputStream(Fixtures.textPdf(List.of("Tax Invoice 42"))),
                100_000);
        assertTrue(pdf.text().contains("Tax Invoice 42"), pdf.text());
        assertEquals(1, pdf.pages());
        var docx = TikaContentInspector.extract(new ByteArrayInputStream(Fixtures.docx(List.of("Board minutes"))),
                100_000);
        assertTrue(docx.text().contains("Board minutes"));
    }

    @Test
    void aMalformedPdfFailsWithAReason() throws IOException {
        var t = TikaContentInspector.extract(new ByteArrayInputStream(Fixtures.brokenPdf()), 100_000);
        assertNotNull(t.failure());
    }
}
