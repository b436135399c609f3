package dev.seva.reference;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The PostgreSQL server process of a data folder, as its {@code postmaster.pid} names it: what a start waits for
 * when the previous server of the same folder is still shutting down, and what a stop waits for.
 */
final class PostmasterProcess {

    private static final Logger LOG = Logger.getLogger(PostmasterProcess.class.getName());

    private PostmasterProcess() {
    }

    /** @return the running PostgreSQL server of this data folder, if any */
    static Optional<ProcessHandle> of(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
            return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // no server, or a pid file being written or removed
        }
    }

    /** @return whether the process ended within the time given */
    static boolean awaitExit(ProcessHandle process, Duration max) {
        try {
            process.onExit().get(max.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /**
     * Waits until no PostgreSQL server runs on this data folder and the port can be bound on 127.0.0.1.
     *
     * @throws IOException when either is still taken after {@code max}, naming which
     */
    static void awaitReleased(Path dataDir, int port, Duration max) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        boolean said = false;
        while (true) {
            Optional<ProcessHandle> previous = of(dataDir);
            boolean free = previous.isEmpty() && portFree(port);
            if (free) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(previous
                        .map(p -> "the PostgreSQL of a previous start (pid " + p.pid() + ") still runs on " + dataDir
                                + " after " + max.toSeconds() + " s")
                        .orElse("port " + port + " is taken by another program (another Seva server or a"
                                + " PostgreSQL?): stop it, or set SEVA_DB_EMBEDDED_PORT"));
            }
            if (!said) {
                LOG.info(previous.map(p -> "Waiting for the PostgreSQL of a previous start (pid " + p.pid()
                        + ") to exit").orElse("Waiting for port " + port + " to be released"));
                said = true;
            }
            Thread.sleep(250);
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true); // as PostgreSQL binds: connections in TIME_WAIT do not hold the port
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
