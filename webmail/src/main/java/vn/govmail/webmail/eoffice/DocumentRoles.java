package vn.govmail.webmail.eoffice;

import java.util.List;

/** What the user is in the document inbox: văn thư of some units, and how many documents were presented or assigned to them. */
public record DocumentRoles(List<Unit> clerkOf, int presented, int assigned) {
    public record Unit(String id, String name) {
    }

    /** Whether the "Văn bản đến" views are offered at all. */
    public boolean any() {
        return !clerkOf.isEmpty() || presented > 0 || assigned > 0;
    }

    public boolean clerk() {
        return !clerkOf.isEmpty();
    }

    public static DocumentRoles none() {
        return new DocumentRoles(List.of(), 0, 0);
    }
}
