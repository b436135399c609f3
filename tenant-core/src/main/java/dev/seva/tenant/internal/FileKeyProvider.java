package dev.seva.tenant.internal;

import com.google.crypto.tink.subtle.AesGcmJce;
import dev.seva.sdk.spi.KeyProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The default {@link KeyProvider}: 256-bit master keys in files of a folder outside the repository
 * ({@code seva.crypto.master-key-dir}, default {@code $SEVA_HOME/keys/master}), one file {@code <id>.key} per key
 * (base64, owner-only permissions) and a file {@code current} naming the key new wraps use. The first key is made on
 * first use. Wrapping is AES-256-GCM with the context as associated data. Nodes of one deployment share the folder
 * (a mounted secret); a deployment with a KMS replaces this bean.
 */
@ApplicationScoped
public class FileKeyProvider implements KeyProvider {

    private static final Logger LOG = Logger.getLogger(FileKeyProvider.class.getName());
    private static final Pattern ID = Pattern.compile("mk-[0-9]{14}-[0-9a-f]{8}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Map<String, AesGcmJce> keys = new ConcurrentHashMap<>();
    private volatile String current;

    /** For CDI's client proxy only. */
    protected FileKeyProvider() {
        this.dir = null;
    }

    @Inject
    FileKeyProvider(@ConfigProperty(name = "seva.crypto.master-key-dir") String dir) {
        this.dir = Path.of(dir);
    }

    /** For tests and tools outside CDI. */
    public static FileKeyProvider in(Path dir) {
        return new FileKeyProvider(dir.toString());
    }

    @Override
    public String currentKeyId() {
        String id = current;
        if (id == null) {
            synchronized (this) {
                if (current == null) {
                    current = readOrCreateCurrent();
                }
                id = current;
            }
        }
        return id;
    }

    @Override
    public byte[] wrap(byte[] dataKey, byte[] context) throws GeneralSecurityException {
        return key(currentKeyId()).encrypt(dataKey, context);
    }

    @Override
    public byte[] unwrap(String keyId, byte[] wrapped, byte[] context) throws GeneralSecurityException {
        return key(keyId).decrypt(wrapped, context);
    }

    @Override
    public synchronized String rotate() throws GeneralSecurityException {
        try {
            String id = newKey();
            writeAtomically(dir.resolve("current"), id, true);
            current = id;
            LOG.info("Master key rotated: new wraps use " + id);
            return id;
        } catch (IOException e) {
            throw new GeneralSecurityException("Cannot write a new master key in " + dir, e);
        }
    }

    private AesGcmJce key(String id) throws GeneralSecurityException {
        if (id == null || !ID.matcher(id).matches()) {
            throw new GeneralSecurityException("Not a master key id");
        }
        AesGcmJce k = keys.get(id);
        if (k == null) {
            try {
                Path file = dir.resolve(id + ".key");
                if (!Files.exists(file)) {
                    throw new GeneralSecurityException("Master key " + id + " is not in " + dir);
                }
                byte[] raw = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
                k = new AesGcmJce(raw);
                keys.put(id, k);
            } catch (IOException e) {
                throw new GeneralSecurityException("Cannot read master key " + id, e);
            }
        }
        return k;
    }

    private String readOrCreateCurrent() {
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rwx------")));
            Path currentFile = dir.resolve("current");
            if (!Files.exists(currentFile)) {
                String id = newKey();
                try {
                    writeAtomically(currentFile, id, false);
                    LOG.info("Master key created: " + id + " in " + dir);
                } catch (FileAlreadyExistsException e) {
                    // another node made the first key at the same moment: use theirs
                }
            }
            String id = Files.readString(currentFile, StandardCharsets.US_ASCII).strip();
            if (!ID.matcher(id).matches()) {
                throw new IllegalStateException(currentFile + " does not name a master key");
            }
            return id;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the master key in " + dir, e);
        }
    }

    private String newKey() throws IOException {
        Files.createDirectories(dir);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        String id = "mk-" + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "-" + HexFormat.of().formatHex(suffix);
        writeAtomically(dir.resolve(id + ".key"), Base64.getEncoder().encodeToString(raw), false);
        return id;
    }

    private void writeAtomically(Path target, String content, boolean replace) throws IOException {
        Path tmp = Files.createTempFile(dir, "key", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, content, StandardCharsets.US_ASCII);
            if (replace) {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // a hard link fails when the target exists: first writer wins, nothing is overwritten
                Files.createLink(target, tmp);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
