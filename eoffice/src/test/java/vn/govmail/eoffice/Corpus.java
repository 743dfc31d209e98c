package vn.govmail.eoffice;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared corpus: -Dgovmail.shared, else the nearest ancestor directory holding shared/corpus. */
public final class Corpus {
    private Corpus() {
    }

    public static Path documents() {
        Path configured = Path.of(System.getProperty("govmail.shared", "../../shared"));
        if (Files.isDirectory(configured.resolve("corpus"))) {
            return configured.resolve("corpus/vi/documents");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/corpus"))) {
                return dir.resolve("shared/corpus/vi/documents");
            }
        }
        throw new IllegalStateException("shared corpus not found: set -Dgovmail.shared=/path/to/shared");
    }
}
