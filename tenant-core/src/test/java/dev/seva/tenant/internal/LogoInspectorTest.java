package dev.seva.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

class LogoInspectorTest {

    /** A valid 1-bit grey PNG of blank pixels: small compressed, huge decoded. */
    static byte[] blankPng(int w, int h) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (var z = new DeflaterOutputStream(idat, new Deflater(9))) {
            byte[] row = new byte[1 + (w + 7) / 8];
            for (int y = 0; y < h; y++) {
                z.write(row);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put(new byte[]{1, 0, 0, 0, 0}).array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(type.getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void aLogoOverTheLimitIsRefusedFromItsHeaderWithoutDecoding() throws IOException {
        byte[] huge = blankPng(30_000, 30_000);
        assertTrue(huge.length < LogoInspector.MAX_BYTES, huge.length + " bytes");
        long start = System.nanoTime();
        SevaException e = assertThrows(SevaException.class, () -> LogoInspector.inspect(huge));
        assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, e.code());
        assertTrue(e.getMessage().contains("30000 × 30000"), e.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "not decoded");
        assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, assertThrows(SevaException.class, () -> LogoInspector.inspect(
                blankPng(LogoInspector.MAX_SIDE + 1, 2))).code());
    }

    @Test
    void aLogoWithinTheLimitIsAccepted() throws IOException {
        assertEquals("image/png", LogoInspector.inspect(blankPng(LogoInspector.MAX_SIDE, 16)));
        assertEquals("image/png", LogoInspector.inspect(blankPng(8, 8)));
    }
}
