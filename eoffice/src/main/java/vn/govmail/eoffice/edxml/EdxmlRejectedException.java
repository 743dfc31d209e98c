package vn.govmail.eoffice.edxml;

/**
 * The package is malformed. The reason is meant for the sender (it goes back in a status 02): it starts with the
 * validator-style code of the rule (N. required, R. range, M. MIME/encoding, X. XML) and the element.
 */
public class EdxmlRejectedException extends Exception {
    public EdxmlRejectedException(String reason) {
        super(reason);
    }
}
