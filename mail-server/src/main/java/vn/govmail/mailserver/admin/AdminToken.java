package vn.govmail.mailserver.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The secret that the admin API requires on every request ({@code Authorization: Bearer <token>}), even on
 * loopback. It is the IT center's credential, separate from every mail account: taken from
 * {@code admin.token} (GOVMAIL_ADMIN_TOKEN), or generated once into {@code <data>/admin-token} (mode 600),
 * which the CLI reads. It is never logged.
 */
public final class AdminToken {
    public static final String FILE_NAME = "admin-token";

    private final byte[] secret;

    private AdminToken(String token) {
        this.secret = token.getBytes(StandardCharsets.UTF_8);
    }

    public static AdminToken load(Optional<String> configured, Path dataDirectory) throws IOException {
        if (configured.isPresent()) {
            return new AdminToken(configured.get());
        }
        Path file = dataDirectory.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return new AdminToken(Files.readString(file, StandardCharsets.UTF_8).trim());
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        Path temporary = Files.createTempFile(dataDirectory, FILE_NAME, ".tmp");
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(temporary, token + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        return new AdminToken(token);
    }

    /** Constant-time comparison, so response timing does not reveal how much of a guess was right. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(secret, candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AdminToken[hidden]";
    }
}
