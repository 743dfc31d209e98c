package vn.govmail.eoffice.store;

/** A state change that the workflow does not allow (e.g. registering a returned document), or a missing reason. */
public class StateChangeRefused extends RuntimeException {
    public StateChangeRefused(String message) {
        super(message);
    }
}
