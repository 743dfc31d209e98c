package vn.govmail.mailserver.cli;

/** A failure to report to the operator as one line, with the process exit code to use. */
final class CliException extends RuntimeException {
    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
