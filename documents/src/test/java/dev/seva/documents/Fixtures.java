package dev.seva.documents;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Test files generated on the spot: scans at 300 dpi, PDFs, a DOCX, hostile files. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A PAN card's text, with a valid PAN. */
    public static final List<String> PAN_CARD = List.of("INCOME TAX DEPARTMENT", "GOVT. OF INDIA",
            "Permanent Account Number Card", "ABCPK1234F", "Name", "RAJESH KUMAR", "Father's Name",
            "SURESH KUMAR", "Date of Birth", "15/08/1985", "Signature");

    /** @return an A4 page at 300 dpi with these lines, 11 pt serif, grey */
    public static BufferedImage page(List<String> lines, int pointSize) {
        int w = 2480;
        int h = 3508;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font("DejaVu Serif", Font.PLAIN, pointSize * 300 / 72));
        FontMetrics fm = g.getFontMetrics();
        int y = 300;
        for (String line : lines) {
            g.drawString(line, 250, y);
            y += (int) (fm.getHeight() * 1.3);
        }
        g.dispose();
        return img;
    }

    /** @return a card-sized scan (85.6 x 54 mm at 300 dpi) of these lines */
    public static BufferedImage card(List<String> lines) {
        int w = 1011;
        int h = 638 + Math.max(0, lines.size() - 11) * 50;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(245, 245, 245));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 34));
        int y = 60;
        for (String line : lines) {
            g.drawString(line, 40, y);
            y += 52;
        }
        g.dispose();
        return img;
    }

    /** @return PNG bytes with a 300 dpi pHYs chunk */
    public static byte[] png(BufferedImage img) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam p = w.getDefaultWriteParam();
        IIOMetadata md = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), p);
        double mm = 25.4 / 300;
        IIOMetadataNode hps = new IIOMetadataNode("HorizontalPixelSize");
        hps.setAttribute("value", Double.toString(mm));
        IIOMetadataNode vps = new IIOMetadataNode("VerticalPixelSize");
        vps.setAttribute("value", Double.toString(mm));
        IIOMetadataNode dim = new IIOMetadataNode("Dimension");
        dim.appendChild(hps);
        dim.appendChild(vps);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
        root.appendChild(dim);
        md.mergeTree("javax_imageio_1.0", root);
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (ImageOutputStream os = ImageIO.createImageOutputStream(bo)) {
            w.setOutput(os);
            w.write(md, new IIOImage(img, null, md), p);
        }
        w.dispose();
        return bo.toByteArray();
    }

    /** @return JPEG bytes */
    public static byte[] jpeg(BufferedImage img) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", bo);
        return bo.toByteArray();
    }

    /** @return a digital PDF (with a text layer) of these lines */
    public static byte[] textPdf(List<String> lines) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.setLeading(16);
                cs.newLineAtOffset(60, 780);
                for (String l : lines) {
                    cs.showText(l);
                    cs.newLine();
                }
                cs.endText();
            }
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            doc.save(bo);
            return bo.toByteArray();
        }
    }

    /** @return a scanned PDF: one page per image, no text layer */
    public static byte[] scannedPdf(BufferedImage... pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (BufferedImage img : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                PDImageXObject x = LosslessFactory.createFromImage(doc, img);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            doc.save(bo);
            return bo.toByteArray();
        }
    }

    /** @return a DOCX with these paragraphs */
    public static byte[] docx(List<String> paragraphs) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            ByteArrayOutputStream bo = new ByteArrayOutputStream();
            doc.write(bo);
            return bo.toByteArray();
        }
    }

    /** @return a zip whose one entry inflates to {@code megabytes} MB of 'a' */
    public static byte[] zipBomb(int megabytes) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bo)) {
            z.setLevel(9);
            z.putNextEntry(new ZipEntry("big.txt"));
            byte[] buf = new byte[1 << 20];
            Arrays.fill(buf, (byte) 'a');
            for (int i = 0; i < megabytes; i++) {
                z.write(buf);
            }
            z.closeEntry();
        }
        return bo.toByteArray();
    }

    /** @return the start of an x86-64 ELF executable (what /bin/ls begins with) */
    public static byte[] elf() {
        byte[] b = new byte[4096];
        byte[] head = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0};
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    /** @return a malformed PDF: a valid header, then garbage */
    public static byte[] brokenPdf() {
        byte[] b = new byte[2048];
        new java.util.Random(7).nextBytes(b);
        byte[] head = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\n".getBytes();
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    /** @return the character error rate of {@code got} against {@code truth}, whitespace normalised */
    public static double cer(String truth, String got) {
        String a = truth.replaceAll("\\s+", " ").strip();
        String b = got.replaceAll("\\s+", " ").strip();
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return (double) prev[b.length()] / Math.max(1, a.length());
    }
}
