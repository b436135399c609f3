package dev.seva.agents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** An agent's monthly statement as CSV (spreadsheet-safe cells) and as PDF (PDFBox, the standard fonts). */
final class StatementFiles {

    private StatementFiles() {
    }

    /** @return rows: date, kind, reference, note, amount, balance; opening first, closing last */
    private static List<String[]> rows(Statements.Statement s, List<EntryRecord> entries) {
        List<String[]> rows = new ArrayList<>();
        long balance = s.openingPaise();
        rows.add(new String[]{s.month() + "-01", "OPENING", "", "Opening balance", "", Csv.rupees(balance)});
        for (EntryRecord x : entries) {
            balance += x.amountPaise;
            String ref = x.paymentId != null
                    ? x.paymentId
                    : x.kind.equals("TDS") || x.kind.equals("PAYOUT")
                            ? x.sourceId
                            : "";
            rows.add(new String[]{x.occurredAt.atZoneSameInstant(CommissionLedger.IST).toLocalDate().toString(), x.kind,
                    ref, x.note == null ? "" : x.note, Csv.rupees(x.amountPaise), Csv.rupees(balance)});
        }
        rows.add(new String[]{"", "CLOSING", "", "Closing balance", "", Csv.rupees(s.closingPaise())});
        return rows;
    }

    private static List<String[]> totals(Statements.Statement s) {
        return List.of(new String[]{"Opening", Csv.rupees(s.openingPaise())},
                new String[]{"Accrued", Csv.rupees(s.accruedPaise())},
                new String[]{"Overrides", Csv.rupees(s.overridesPaise())},
                new String[]{"Adjustments", Csv.rupees(s.adjustmentsPaise())},
                new String[]{"Clawed back", Csv.rupees(-s.clawedBackPaise())},
                new String[]{"TDS (194H)", Csv.rupees(-s.tdsPaise())}, new String[]{"Paid", Csv.rupees(-s.paidPaise())},
                new String[]{"Closing", Csv.rupees(s.closingPaise())});
    }

    static String csv(String firm, String agent, String code, Statements.Statement s, List<EntryRecord> entries) {
        StringBuilder b = new StringBuilder();
        line(b, "Firm", firm);
        line(b, "Agent", agent, code);
        line(b, "Month", s.month());
        b.append("\r\n");
        line(b, "Date", "Kind", "Reference", "Note", "Amount (INR)", "Balance (INR)");
        for (String[] r : rows(s, entries)) {
            line(b, r);
        }
        b.append("\r\n");
        for (String[] t : totals(s)) {
            line(b, t);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            b.append(i == 0 ? "" : ",").append(Csv.cell(cells[i]));
        }
        b.append("\r\n");
    }

    static byte[] pdf(String firm, String agent, String code, Statements.Statement s, List<EntryRecord> entries) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getDocumentInformation().setTitle("Commission statement " + s.month());
            doc.getDocumentInformation().setCreator("Seva");
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDPageContentStream cs = new PDPageContentStream(doc, page);
            float y = 790;
            y = text(cs, bold, 16, 50, y, firm);
            y = text(cs, bold, 12, 50, y, "Commission statement " + s.month());
            y = text(cs, regular, 10, 50, y, "Agent: " + agent + " (" + code + ")");
            y -= 8;
            float[] xs = {50, 115, 185, 330, 430, 500};
            String[] head = {"Date", "Kind", "Reference", "Note", "Amount INR", "Balance INR"};
            for (int k = 0; k < head.length; k++) {
                text(cs, bold, 9, xs[k], y, head[k]);
            }
            y -= 13;
            for (String[] r : rows(s, entries)) {
                if (y < 80) {
                    cs.close();
                    page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    cs = new PDPageContentStream(doc, page);
                    y = 790;
                }
                for (int k = 0; k < r.length; k++) {
                    int max = k == 2 ? 26 : k == 3 ? 18 : 20;
                    String v = r[k].length() > max ? r[k].substring(0, max - 1) + "~" : r[k];
                    text(cs, regular, 8, xs[k], y, v);
                }
                y -= 12;
            }
            y -= 10;
            for (String[] t : totals(s)) {
                if (y < 60) {
                    cs.close();
                    page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    cs = new PDPageContentStream(doc, page);
                    y = 790;
                }
                text(cs, bold, 10, 330, y, t[0]);
                y = text(cs, regular, 10, 460, y, t[1]);
            }
            cs.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
