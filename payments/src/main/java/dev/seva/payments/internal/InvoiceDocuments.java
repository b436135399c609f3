package dev.seva.payments.internal;

import dev.seva.sdk.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The printable invoice, as an HTML page and as a PDF (PDFBox, A4, the standard Helvetica fonts): the firm's name and
 * GSTIN, the client entity, place of supply, lines with SAC and rate, the GST split and the totals. Text is escaped
 * for HTML; for the PDF, characters outside the fonts' WinAnsi set are replaced.
 */
final class InvoiceDocuments {

    private InvoiceDocuments() {
    }

    /** What a document shows besides the invoice. */
    record Firm(String name, String gstin) {
    }

    static String html(InvoiceService.InvoiceView i, Firm firm) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Invoice ")
                .append(esc(i.number())).append("</title><style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px}"
                        + "td.n,th.n{text-align:right}</style></head><body>");
        b.append("<h1>").append(esc(firm.name())).append("</h1>");
        if (firm.gstin() != null) {
            b.append("<p>GSTIN: ").append(esc(firm.gstin())).append("</p>");
        }
        b.append("<h2>Tax invoice ").append(esc(i.number() == null ? "(draft)" : i.number())).append("</h2>");
        b.append("<p>Status: ").append(i.status()).append("<br>Issued: ").append(esc(String.valueOf(
                i.issuedAt() == null ? "-" : i.issuedAt().toLocalDate()))).append("</p>");
        b.append("<p>Bill to: ").append(esc(i.entityName()));
        if (i.entityGstin() != null) {
            b.append("<br>GSTIN: ").append(esc(i.entityGstin()));
        }
        b.append("<br>Place of supply: ").append(esc(i.placeOfSupply())).append(i.interState()
                ? " (inter-state)"
                : " (intra-state)").append("</p>");
        b.append("<table><thead><tr><th>#</th><th>Description</th><th>SAC</th><th class=\"n\">Taxable (INR)</th>"
                + "<th class=\"n\">Rate</th><th class=\"n\">CGST</th><th class=\"n\">SGST</th><th class=\"n\">IGST</th>"
                + "</tr></thead><tbody>");
        for (InvoiceService.LineView l : i.lines()) {
            b.append("<tr><td>").append(l.lineNo()).append("</td><td>").append(esc(l.description()))
                    .append("</td><td>").append(esc(l.sac() == null ? "" : l.sac())).append("</td><td class=\"n\">")
                    .append(rs(l.amountPaise())).append("</td><td class=\"n\">")
                    .append(l.gstRatePercent().stripTrailingZeros().toPlainString()).append("%</td><td class=\"n\">")
                    .append(rs(l.cgstPaise())).append("</td><td class=\"n\">").append(rs(l.sgstPaise()))
                    .append("</td><td class=\"n\">").append(rs(l.igstPaise())).append("</td></tr>");
        }
        b.append("</tbody></table><table style=\"width:auto;margin-top:1em\">");
        for (String[] row : totals(i)) {
            b.append("<tr><th>").append(row[0]).append("</th><td class=\"n\">").append(row[1]).append("</td></tr>");
        }
        b.append("</table></body></html>");
        return b.toString();
    }

    static byte[] pdf(InvoiceService.InvoiceView i, Firm firm) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Invoice " + pdfText(i.number() == null ? "draft" : i.number()));
            info.setCreator("Seva");
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            List<String[]> lines = new ArrayList<>();
            for (InvoiceService.LineView l : i.lines()) {
                lines.add(new String[]{Integer.toString(l.lineNo()), l.description(), l.sac() == null ? "" : l.sac(),
                        rs(l.amountPaise()), l.gstRatePercent().stripTrailingZeros().toPlainString() + "%",
                        rs(l.cgstPaise() + l.sgstPaise() + l.igstPaise())});
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDPageContentStream cs = new PDPageContentStream(doc, page);
            float y = 790;
            y = text(cs, bold, 16, 50, y, firm.name());
            if (firm.gstin() != null) {
                y = text(cs, regular, 10, 50, y, "GSTIN: " + firm.gstin());
            }
            y -= 10;
            y = text(cs, bold, 13, 50, y, "Tax invoice " + (i.number() == null ? "(draft)" : i.number()));
            y = text(cs, regular, 10, 50, y, "Status: " + i.status() + "    Issued: " + (i.issuedAt() == null
                    ? "-"
                    : i.issuedAt().toLocalDate()));
            y = text(cs, regular, 10, 50, y, "Bill to: " + i.entityName() + (i.entityGstin() == null
                    ? ""
                    : "  (GSTIN " + i.entityGstin() + ")"));
            y = text(cs, regular, 10, 50, y, "Place of supply: " + i.placeOfSupply() + (i.interState()
                    ? " (inter-state: IGST)"
                    : " (intra-state: CGST + SGST)"));
            y -= 10;
            float[] xs = {50, 70, 330, 390, 460, 500};
            String[] head = {"#", "Description", "SAC", "Taxable", "Rate", "Tax"};
            for (int k = 0; k < head.length; k++) {
                text(cs, bold, 10, xs[k], y, head[k]);
            }
            y -= 14;
            for (String[] row : lines) {
                if (y < 120) {
                    cs.close();
                    page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    cs = new PDPageContentStream(doc, page);
                    y = 790;
                }
                for (int k = 0; k < row.length; k++) {
                    String v = k == 1 && row[k].length() > 45 ? row[k].substring(0, 44) + "..." : row[k];
                    text(cs, regular, 10, xs[k], y, v);
                }
                y -= 14;
            }
            y -= 10;
            for (String[] row : totals(i)) {
                text(cs, bold, 10, 330, y, row[0]);
                y = text(cs, regular, 10, 460, y, row[1]);
            }
            cs.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String[]> totals(InvoiceService.InvoiceView i) {
        List<String[]> t = new ArrayList<>();
        t.add(new String[]{"Taxable value", rs(i.taxablePaise())});
        if (i.interState()) {
            t.add(new String[]{"IGST", rs(i.igstPaise())});
        } else {
            t.add(new String[]{"CGST", rs(i.cgstPaise())});
            t.add(new String[]{"SGST", rs(i.sgstPaise())});
        }
        t.add(new String[]{"Total (INR)", rs(i.totalPaise())});
        t.add(new String[]{"Paid", rs(i.paidPaise())});
        if (i.refundedPaise() > 0) {
            t.add(new String[]{"Refunded", rs(i.refundedPaise())});
        }
        return t;
    }

    private static float text(PDPageContentStream cs, PDType1Font font, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(pdfText(s));
        cs.endText();
        return y - size - 4;
    }

    /** Keeps printable Latin-1 (which the standard fonts' WinAnsi encoding covers); replaces the rest. */
    static String pdfText(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.append((c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff) ? (char) c : '?'));
        return b.toString();
    }

    private static String rs(long paise) {
        return Money.ofPaise(paise).toRupees();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
