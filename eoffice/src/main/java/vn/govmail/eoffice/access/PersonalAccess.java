package vn.govmail.eoffice.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import vn.govmail.eoffice.store.DocumentAudience;
import vn.govmail.eoffice.store.DocumentRecord;
import vn.govmail.eoffice.store.DocumentState;
import vn.govmail.eoffice.store.Unit;

/**
 * What one mail user may see and do in the document inbox (the webmail's views):
 * <ul>
 *   <li>the văn thư of a unit — the user is its clerk mailbox or its document address — sees every document of the
 *   unit, corrects metadata, registers, returns, presents, exports the register, and may enter the direction a
 *   leader gave on paper;</li>
 *   <li>the leader a document was presented to sees it and gives the direction;</li>
 *   <li>the chủ trì records progress and completes; a phối hợp records progress.</li>
 * </ul>
 * Anyone else sees nothing. Each step is further limited by the document's state ({@link DocumentState#next()}).
 */
public final class PersonalAccess {
    private final String person;
    private final List<String> clerkUnits;

    public PersonalAccess(String person, List<Unit> units) {
        this.person = normal(person);
        this.clerkUnits = units.stream()
            .filter(unit -> this.person.equals(normal(unit.clerkMailbox())) || this.person.equals(normal(unit.documentAddress())))
            .map(Unit::unitId).toList();
    }

    public String person() {
        return person;
    }

    /** The units this person is the văn thư of. */
    public List<String> clerkUnits() {
        return clerkUnits;
    }

    public boolean isClerkOf(String unitId) {
        return clerkUnits.contains(unitId);
    }

    public DocumentAudience audience() {
        return new DocumentAudience(clerkUnits, person);
    }

    public Set<DocumentRole> roles(DocumentRecord document) {
        Set<DocumentRole> roles = EnumSet.noneOf(DocumentRole.class);
        if (isClerkOf(document.unitId())) {
            roles.add(DocumentRole.CLERK);
        }
        if (person.equals(normal(document.leader()))) {
            roles.add(DocumentRole.LEADER);
        }
        if (entries(document.leadAssignee()).contains(person)) {
            roles.add(DocumentRole.LEAD);
        }
        if (entries(document.supportAssignees()).contains(person)) {
            roles.add(DocumentRole.SUPPORT);
        }
        return roles;
    }

    public boolean maySee(DocumentRecord document) {
        return !roles(document).isEmpty();
    }

    /** The actions this person may take on the document now (its roles and its state). */
    public Set<DocumentAction> actions(DocumentRecord document) {
        Set<DocumentRole> roles = roles(document);
        Set<DocumentAction> actions = EnumSet.noneOf(DocumentAction.class);
        if (roles.contains(DocumentRole.CLERK)) {
            actions.addAll(List.of(DocumentAction.CORRECT, DocumentAction.REGISTER, DocumentAction.RETURN, DocumentAction.PRESENT,
                DocumentAction.DIRECT));
        }
        if (roles.contains(DocumentRole.LEADER)) {
            actions.add(DocumentAction.DIRECT);
        }
        if (roles.contains(DocumentRole.LEAD)) {
            actions.addAll(List.of(DocumentAction.PROGRESS, DocumentAction.COMPLETE));
        }
        if (roles.contains(DocumentRole.SUPPORT)) {
            actions.add(DocumentAction.PROGRESS);
        }
        DocumentState state = document.state();
        actions.removeIf(action -> action.target().map(target -> !state.canMoveTo(target)).orElse(false));
        if (state != DocumentState.IN_PROGRESS) {
            actions.remove(DocumentAction.PROGRESS);
        }
        if (state == DocumentState.COMPLETED || state == DocumentState.RETURNED) {
            actions.remove(DocumentAction.CORRECT);
        }
        return actions;
    }

    private static List<String> entries(String list) {
        return list == null ? List.of() : Arrays.stream(list.split("[,;]")).map(PersonalAccess::normal).filter(s -> !s.isEmpty()).toList();
    }

    private static String normal(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}
