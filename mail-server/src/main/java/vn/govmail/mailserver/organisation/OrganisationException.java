package vn.govmail.mailserver.organisation;

/** A refused organisation, group or role change, with the HTTP status that says why (400, 404 or 409). */
public class OrganisationException extends Exception {
    private final int status;

    private OrganisationException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static OrganisationException invalid(String message) {
        return new OrganisationException(400, message);
    }

    public static OrganisationException notFound(String message) {
        return new OrganisationException(404, message);
    }

    public static OrganisationException conflict(String message) {
        return new OrganisationException(409, message);
    }

    public int status() {
        return status;
    }
}
