package vn.govmail.mailserver;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the class data sharing archive that makes the next starts faster, once the server is running. The
 * launcher ({@code ./govmail}) names the archive after the build ({@code -Dgovmail.cds.archive}) and, when it
 * does not exist yet, starts the JVM with {@code -XX:+RecordDynamicDumpInfo}; later starts map the archive's
 * classes instead of searching ~300 jars and parsing each class again.
 *
 * <p>Dumping only after the start has completed (rather than when the JVM exits, as
 * {@code -XX:+AutoCreateSharedArchive} would) means the archive always holds every class a full start loads,
 * even if the first run after a build was stopped halfway or failed. The dump is the JDK's own
 * {@code VM.cds dynamic_dump} diagnostic command; it pauses the JVM for a moment, once per build.
 */
final class ClassDataSharingArchive {
    static final String ARCHIVE_PROPERTY = "govmail.cds.archive";
    private static final Logger LOGGER = LoggerFactory.getLogger(ClassDataSharingArchive.class);

    private ClassDataSharingArchive() {
    }

    /** Starts the dump in the background if the launcher asked for one and the archive is still missing. */
    static void writeInBackgroundIfRequested() {
        Optional<Path> archive = Optional.ofNullable(System.getProperty(ARCHIVE_PROPERTY)).map(Path::of);
        if (archive.isEmpty() || Files.exists(archive.get()) || !recordingDumpInfo()) {
            return;
        }
        Thread dump = new Thread(() -> write(archive.get()), "cds-archive");
        dump.setDaemon(true);
        dump.start();
    }

    private static boolean recordingDumpInfo() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+RecordDynamicDumpInfo");
    }

    private static void write(Path archive) {
        Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
        try {
            Object output = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmCds",
                new Object[] {new String[] {"dynamic_dump", partial.toString()}}, new String[] {String[].class.getName()});
            if (Files.isRegularFile(partial) && Files.size(partial) > 0) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
                LOGGER.info("Class data sharing archive written to {}: the next starts load their classes from it", archive);
            } else {
                LOGGER.warn("Class data sharing archive not written ({}); starts stay slower", String.valueOf(output).strip());
            }
        } catch (Exception e) {
            LOGGER.warn("Class data sharing archive not written ({}); starts stay slower", e.toString());
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                LOGGER.debug("Cannot remove {}", partial, e);
            }
        }
    }
}
