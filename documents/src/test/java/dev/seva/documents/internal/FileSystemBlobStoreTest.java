package dev.seva.documents.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seva.sdk.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest {

    @TempDir
    Path dir;

    final TenantId tenant = TenantId.random();

    @Test
    void aCommittedBlobIsReadBackAndAnUncommittedOneLeavesNothing() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        try (var p = store.create(tenant, "abc-1")) {
            p.output().write("hello".getBytes());
            p.commit();
        }
        try (var in = store.open(tenant, "abc-1")) {
            assertArrayEquals("hello".getBytes(), in.readAllBytes());
        }
        try (var p = store.create(tenant, "abc-2")) {
            p.output().write("half".getBytes());
            // no commit: a failed upload
        }
        assertFalse(store.exists(tenant, "abc-2"));
        assertThrows(NoSuchFileException.class, () -> store.open(tenant, "abc-2"));
        try (var s = Files.list(dir.resolve(".incoming"))) {
            assertEquals(0, s.count());
        }
        assertEquals(Set.of(tenant), store.tenants());
    }

    @Test
    void anotherTenantsKeyIsNotFound() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        try (var p = store.create(tenant, "k1")) {
            p.output().write(1);
            p.commit();
        }
        assertFalse(store.exists(TenantId.random(), "k1"));
        assertThrows(IllegalArgumentException.class, () -> store.open(tenant, "../k1"));
    }

    @Test
    void crashedWritesAndOldBlobsAreFoundForTheSweep() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(dir);
        var crashed = store.create(tenant, "k2");
        crashed.output().write(new byte[100_000]);
        crashed.output().flush();
        // the process "dies" here: the pending blob is never committed or closed
        try (var p = store.create(tenant, "k3")) {
            p.output().write(1);
            p.commit();
        }
        Instant future = Instant.now().plusSeconds(60);
        assertEquals(0, store.purgeIncomplete(Instant.now().minusSeconds(60)));
        assertEquals(1, store.purgeIncomplete(future));
        assertTrue(store.keysOlderThan(tenant, future).contains("k3"));
        assertTrue(store.keysOlderThan(tenant, Instant.now().minusSeconds(60)).isEmpty());
    }
}
