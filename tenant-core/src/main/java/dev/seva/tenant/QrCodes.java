package dev.seva.tenant;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.util.Map;

/**
 * QR codes drawn as SVG path data (ZXing encodes): the authenticator enrolment and the agents' referral links use it,
 * each wrapping the path in the SVG element it needs.
 */
public final class QrCodes {

    private QrCodes() {
    }

    /**
     * A QR code's modules as one SVG path: one unit square per dark module, in a {@code width} × {@code height} grid
     * that includes a 4-module quiet zone.
     *
     * @param width the grid's width in modules
     * @param height the grid's height in modules
     * @param path the SVG path data ({@code d}) of the dark modules
     */
    public record Drawing(int width, int height, String path) {
    }

    /**
     * @param text what the code holds (a URI)
     * @return its QR code as path data
     * @throws IllegalStateException when the text cannot be encoded (too long for a QR code)
     */
    public static Drawing draw(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 4));
            StringBuilder d = new StringBuilder();
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    if (m.get(x, y)) {
                        d.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return new Drawing(m.getWidth(), m.getHeight(), d.toString());
        } catch (WriterException e) {
            throw new IllegalStateException("cannot draw the QR code", e);
        }
    }
}
