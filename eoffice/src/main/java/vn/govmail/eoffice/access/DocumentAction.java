package vn.govmail.eoffice.access;

import java.util.Optional;

import vn.govmail.eoffice.store.DocumentState;

/** The things a person can do to an incoming document; the workflow steps name the state they lead to. */
public enum DocumentAction {
    CORRECT(null),
    REGISTER(DocumentState.REGISTERED),
    RETURN(DocumentState.RETURNED),
    PRESENT(DocumentState.PRESENTED),
    DIRECT(DocumentState.IN_PROGRESS),
    PROGRESS(null),
    COMPLETE(DocumentState.COMPLETED);

    private final DocumentState target;

    DocumentAction(DocumentState target) {
        this.target = target;
    }

    public Optional<DocumentState> target() {
        return Optional.ofNullable(target);
    }

    public static Optional<DocumentAction> leadingTo(DocumentState state) {
        for (DocumentAction action : values()) {
            if (action.target == state) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
