package app.village.platform.database;

import java.io.IOException;
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
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
