package ru.msoko.app.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The installation's data folder: the embedded database files and the pseudonymisation secret.
 * The secret lives here, outside the database, so a copy of the database alone cannot re-identify anyone.
 */
@Component
public class DataFolder {

    private static final int SECRET_BYTES = 32;

    private final Path root;

    public DataFolder(@Value("${msoko.data}") String root) {
        this.root = Path.of(root).toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Where the pseudonymisation secret is kept (never inside the database or a backup). */
    public Path secretFile() {
        return root.resolve("secret.key");
    }

    /** Reads the secret, creating it (readable by the owner only) on first use. */
    public synchronized byte[] secret() {
        Path file = secretFile();
        try {
            if (Files.exists(file)) {
                return Files.readAllBytes(file);
            }
            Files.createDirectories(root);
            byte[] secret = new byte[SECRET_BYTES];
            new SecureRandom().nextBytes(secret);
            Files.write(file, secret);
            restrictToOwner(file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Windows: the file inherits the folder's ACL; the installation guide says to keep the folder private.
        }
    }
}
