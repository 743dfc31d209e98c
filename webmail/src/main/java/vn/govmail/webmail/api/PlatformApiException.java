package vn.govmail.webmail.api;

/** The mail server's HTTP API answered an error (its JSON {@code message} is kept) or could not be reached (status 0). */
public class PlatformApiException extends Exception {
    private final int status;

    public PlatformApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public PlatformApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status, or 0 when the server was not reached. */
    public int status() {
        return status;
    }
}
