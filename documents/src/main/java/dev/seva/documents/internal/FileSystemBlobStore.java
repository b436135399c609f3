package dev.seva.documents.internal;

import dev.seva.sdk.TenantId;
import dev.seva.sdk.spi.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The default {@link BlobStore}: files under {@code seva.documents.blob-dir} (default {@code ${seva.home}/blobs}),
 * laid out as {@code <tenant id>/<first two characters of the key>/<key>}. A write goes to {@code .incoming/} on the
 * same filesystem, is fsynced, renamed into place atomically and the directory fsynced: a crash leaves either the
 * whole blob or an incomplete file in {@code .incoming/}, which {@link #purgeIncomplete} removes.
 */
@ApplicationScoped
public class FileSystemBlobStore implements BlobStore {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final String INCOMING = ".incoming";

    private Path root;

    /** For CDI. */
    protected FileSystemBlobStore() {
    }

    @Inject
    FileSystemBlobStore(@ConfigProperty(name = "seva.documents.blob-dir") String dir) {
        this(Path.of(dir));
    }

    /** @param root the folder blobs are kept in (created when missing) */
    public FileSystemBlobStore(Path root) {
        this.root = root.toAbsolutePath();
    }

    private Path dir(TenantId tenant, String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("bad blob key");
        }
        return root.resolve(tenant.value()).resolve(key.substring(0, Math.min(2, key.length())));
    }

    private static void createPrivateDirs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX filesystem
            }
        }
    }

    @Override
    public PendingBlob create(TenantId tenant, String key) throws IOException {
        Path target = dir(tenant, key).resolve(key);
        Path incoming = root.resolve(INCOMING);
        createPrivateDirs(incoming);
        Path temp = incoming.resolve(tenant.value() + "." + key + "." + UUID.randomUUID() + ".part");
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OutputStream out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 64 * 1024);
        return new PendingBlob() {
            private boolean done;

            @Override
            public OutputStream output() {
                return out;
            }

            @Override
            public void commit() throws IOException {
                try {
                    out.flush();
                    channel.force(true);
                    out.close();
                    createPrivateDirs(target.getParent());
                    try {
                        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        throw new IOException("the blob folder does not support atomic renames", e);
                    }
                    fsyncDir(target.getParent());
                    done = true;
                } finally {
                    if (!done) {
                        close();
                    }
                }
            }

            @Override
            public void close() throws IOException {
                if (!done) {
                    done = true;
                    try {
                        out.close();
                    } catch (IOException e) {
                        // discarding anyway
                    }
                    Files.deleteIfExists(temp);
                }
            }
        };
    }

    private static void fsyncDir(Path dir) {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException e) {
            // some filesystems cannot open a directory; the rename is still atomic
        }
    }

    @Override
    public InputStream open(TenantId tenant, String key) throws IOException {
        Path p = dir(tenant, key).resolve(key);
        if (!Files.isRegularFile(p)) {
            throw new NoSuchFileException(key);
        }
        return Files.newInputStream(p);
    }

    @Override
    public boolean exists(TenantId tenant, String key) {
        return Files.isRegularFile(dir(tenant, key).resolve(key));
    }

    @Override
    public void delete(TenantId tenant, String key) throws IOException {
        Files.deleteIfExists(dir(tenant, key).resolve(key));
    }

    /** @return the path of a committed blob (tests and the benchmark tamper with it) */
    public Path pathOf(TenantId tenant, String key) {
        return dir(tenant, key).resolve(key);
    }

    @Override
    public Set<TenantId> tenants() throws IOException {
        Set<TenantId> out = new HashSet<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path p : ds) {
                try {
                    out.add(new TenantId(p.getFileName().toString()));
                } catch (IllegalArgumentException e) {
                    // .incoming and anything else that is not a tenant
                }
            }
        }
        return out;
    }

    @Override
    public List<String> keysOlderThan(TenantId tenant, Instant before) throws IOException {
        List<String> out = new ArrayList<>();
        Path t = root.resolve(tenant.value());
        if (!Files.isDirectory(t)) {
            return out;
        }
        try (var files = Files.walk(t, 2)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p) && Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
                    out.add(p.getFileName().toString());
                }
            }
        }
        return out;
    }

    @Override
    public int purgeIncomplete(Instant before) throws IOException {
        Path incoming = root.resolve(INCOMING);
        if (!Files.isDirectory(incoming)) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(incoming)) {
            for (Path p : ds) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(before) && Files.deleteIfExists(p)) {
                    n++;
                }
            }
        }
        return n;
    }
}
