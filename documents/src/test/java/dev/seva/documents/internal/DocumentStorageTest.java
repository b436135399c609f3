package dev.seva.documents.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.sdk.TenantId;
import dev.seva.tenant.TenantCrypto;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.zip.CRC32;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads under the verify-before-send size: checked completely, yet buffered outside the heap. */
class DocumentStorageTest {

    @TempDir
    Path dir;

    private final TenantId tenant = TenantId.random();

    /**
     * A streaming stand-in for the tenant's AEAD (which needs a database here): XOR with a key byte and a CRC32
     * trailer checked at the end, so a flipped byte makes the last read fail, as Tink's last segment would. Like
     * Tink's streams it holds one buffer, whatever the size.
     */
    static final class FakeCrypto implements TenantCrypto {
        @Override
        public byte[] seal(TenantId tenant, byte[] plaintext, byte[] associatedData) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] open(TenantId tenant, byte[] sealed, byte[] associatedData) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String sealToText(TenantId tenant, String plaintext, String associatedData) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String openText(TenantId tenant, String sealed, String associatedData) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OutputStream encrypting(TenantId tenant, OutputStream sink, byte[] associatedData) {
            CRC32 crc = new CRC32();
            byte[] x = new byte[64 * 1024];
            return new FilterOutputStream(sink) {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[]{(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    crc.update(b, off, len);
                    for (int done = 0; done < len;) {
                        int n = Math.min(x.length, len - done);
                        for (int i = 0; i < n; i++) {
                            x[i] = (byte) (b[off + done + i] ^ 0x5A);
                        }
                        out.write(x, 0, n);
                        done += n;
                    }
                }

                @Override
                public void close() throws IOException {
                    long v = crc.getValue();
                    out.write(new byte[]{(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v});
                    out.close();
                }
            };
        }

        @Override
        public InputStream decrypting(TenantId tenant, InputStream source, byte[] associatedData) {
            return new InputStream() {
                private final CRC32 crc = new CRC32();
                private final byte[] buf = new byte[64 * 1024 + 4];
                private int start;
                private int end;
                private boolean sourceDone;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (len == 0) {
                        return 0;
                    }
                    while (!sourceDone && end - start <= 4) {
                        System.arraycopy(buf, start, buf, 0, end - start);
                        end -= start;
                        start = 0;
                        int n = source.read(buf, end, buf.length - end);
                        if (n < 0) {
                            sourceDone = true;
                        } else {
                            end += n;
                        }
                    }
                    int available = end - start - 4;
                    if (available <= 0) {
                        long v = crc.getValue();
                        if (end - start != 4 || buf[start] != (byte) (v >> 24) || buf[start + 1] != (byte) (v >> 16)
                                || buf[start + 2] != (byte) (v >> 8) || buf[start + 3] != (byte) v) {
                            throw new IOException("authentication failed");
                        }
                        return -1;
                    }
                    int n = Math.min(len, available);
                    for (int i = 0; i < n; i++) {
                        b[off + i] = (byte) (buf[start + i] ^ 0x5A);
                    }
                    crc.update(b, off, n);
                    start += n;
                    return n;
                }

                @Override
                public void close() throws IOException {
                    source.close();
                }
            };
        }
    }

    private DocumentStorage storage() {
        DocumentStorage s = new DocumentStorage();
        s.blobs = new FileSystemBlobStore(dir.resolve("blobs"));
        s.crypto = new FakeCrypto();
        s.config = (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[]{Config.class},
                (proxy, method, args) -> method.getName().equals("getOptionalValue") ? Optional.empty() : null);
        return s;
    }

    private String stored(DocumentStorage s, byte[] plain) throws IOException {
        String versionId = "v-" + System.nanoTime();
        try (var pending = s.blobs.create(tenant, versionId)) {
            OutputStream keepOpen = new FilterOutputStream(pending.output()) {
                @Override
                public void close() throws IOException {
                    flush(); // commit closes the blob's stream
                }
            };
            try (OutputStream enc = s.crypto.encrypting(tenant, keepOpen, DocumentStorage.aad(versionId))) {
                enc.write(plain);
            }
            pending.commit();
        }
        return versionId;
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void aFileUnderTheVerifyAllSizeIsCheckedWholeButNotHeldInTheHeap() throws Exception {
        DocumentStorage s = storage();
        byte[] plain = new byte[8 << 20]; // the default verify-before-send size
        new Random(7).nextBytes(plain);
        String v = stored(s, plain);
        long before = allocated();
        DocumentStorage.Verified verified = s.open(tenant, v, plain.length);
        long used = allocated() - before;
        assertTrue(used < (2L << 20), "open() allocated " + (used >> 10) + " KiB for an 8 MiB file: the checked"
                + " copy was held in memory");
        try (java.util.stream.Stream<Path> sends = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertEquals(0, sends.filter(p -> p.getFileName().toString().startsWith("seva-send-")).count(),
                    "the buffer file is unlinked once opened for sending");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (verified) {
            verified.writeTo(out);
        }
        assertArrayEquals(plain, out.toByteArray());
    }

    @Test
    void anAlteredFileIsRefusedBeforeAByteIsSent() throws Exception {
        DocumentStorage s = storage();
        byte[] plain = new byte[300_000];
        new Random(8).nextBytes(plain);
        String v = stored(s, plain);
        try (var files = Files.walk(dir.resolve("blobs"))) {
            Path blob = files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().contains(v))
                    .findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(blob);
            bytes[1000] ^= 1;
            Files.write(blob, bytes);
        }
        SevaException e = assertThrows(SevaException.class, () -> s.open(tenant, v, plain.length));
        assertEquals(ErrorCode.DOCUMENT_INTEGRITY_FAILED, e.code());
    }
}
