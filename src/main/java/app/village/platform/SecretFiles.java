package app.village.platform;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A secret Village makes for itself and keeps in the data directory (the database password, the Web Push
 * key pair): readable by its owner alone, made once, and the same for two processes that start at once.
 */
public final class SecretFiles {

    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretFiles() {
    }

    /** The file's text, written from {@code fresh} first if the file does not exist; its permissions put right if loosened. */
    public static String readOrCreate(Path file, Supplier<String> fresh) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        if (!Files.exists(file)) {
            Path temp = Files.createTempFile(folder, "." + file.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try {
                Files.writeString(temp, fresh.get());
                // A hard link never replaces an existing file: the loser of a race reads the winner's secret.
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException raced) {
                // fall through to read it
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        return Files.readString(file);
    }
}
