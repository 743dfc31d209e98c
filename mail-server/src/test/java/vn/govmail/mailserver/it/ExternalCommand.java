package vn.govmail.mailserver.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program nobody here wrote (swaks, curl, python3) and captures what it printed. */
record ExternalCommand(int exitCode, String output) {
    static ExternalCommand run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("govmail-client", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within 120 s:\n" + Files.readString(output));
            }
            return new ExternalCommand(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    static boolean available(String program) {
        try {
            return new ProcessBuilder("which", program).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
