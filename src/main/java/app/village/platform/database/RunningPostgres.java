package app.village.platform.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads PostgreSQL's {@code postmaster.pid} to tell whether a server is already running on a data
 * directory, and on which port (the file's fourth line, per the PostgreSQL documentation of the
 * data directory layout).
 */
final class RunningPostgres {

    /** Data directories whose server this JVM started and has not stopped yet. */
    static final java.util.Set<Path> STARTED_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private RunningPostgres() {
    }

    static Optional<Integer> portOf(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return running(pid) ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Alive and not a zombie: a postmaster killed with its Village may wait a while to be reaped. */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    /**
     * Whether a live Village process (this one included) holds the lock that zonky keeps on the data
     * directory while it runs the server. A running server whose lock is free was left behind by a
     * Village that died: nobody would ever stop it, and it may run with an older version's settings.
     */
    static boolean owned(Path pgData) {
        if (STARTED_HERE.contains(pgData.toAbsolutePath().normalize())) {
            // Never open the lock file of a server this JVM runs: closing any channel on a file drops
            // every POSIX lock the process holds on it, zonky's included.
            return true;
        }
        Path lockFile = pgData.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException | IOException e) {
            // Unable to tell: joining is the harmless choice.
            return true;
        }
    }
}
