package vn.govmail.webmail.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import vn.govmail.webmail.admin.AddressAdminService;
import vn.govmail.webmail.admin.AddressAdminService.Group;
import vn.govmail.webmail.admin.AddressAdminService.Member;
import vn.govmail.webmail.ui.FolderDialogs;

/**
 * Aliases of an account (list, add, remove) and distribution groups (list, create, members: add an account or a
 * group, remove any member). Sender policies and unit members stay with the CLI and REST.
 */
final class AddressesPanel extends VerticalLayout {
    private final AddressAdminService service;
    private final TextField account = new TextField();
    private final Grid<String> aliases = new Grid<>();
    private final Grid<Group> groups = new Grid<>();
    private final Grid<Member> members = new Grid<>();
    private final H4 membersTitle = new H4();
    private Group chosen;

    AddressesPanel(AddressAdminService service) {
        this.service = service;
        setPadding(false);
        add(new H4(getTranslation("admin.aliases.title")), aliasBar(), aliases);
        aliases.setId("admin-aliases");
        aliases.addColumn(alias -> alias).setHeader(getTranslation("admin.aliases.alias"));
        aliases.addComponentColumn(alias -> removeButton(() -> FolderDialogs.confirm(this::getTranslation,
            getTranslation("admin.aliases.remove.confirm", alias, account.getValue()),
            () -> changeAliases(() -> service.removeAlias(alias, account.getValue()), "admin.aliases.removed", alias))))
            .setAutoWidth(true).setFlexGrow(0);
        aliases.setAllRowsVisible(true);

        add(new H4(getTranslation("admin.groups.title")), groupBar(), groups, membersTitle, memberBar(), members);
        groups.setId("admin-groups");
        groups.addColumn(Group::address).setHeader(getTranslation("admin.groups.address")).setFlexGrow(2);
        groups.addColumn(Group::displayName).setHeader(getTranslation("admin.accounts.name")).setFlexGrow(2);
        groups.addColumn(Group::senderPolicy).setHeader(getTranslation("admin.groups.policy")).setAutoWidth(true).setFlexGrow(0);
        groups.setHeight("25vh");
        groups.asSingleSelect().addValueChangeListener(e -> choose(e.getValue()));
        members.setId("admin-group-members");
        members.addColumn(m -> getTranslation("admin.groups.kind." + m.kind())).setHeader(getTranslation("admin.groups.kind")).setAutoWidth(true).setFlexGrow(0);
        members.addColumn(Member::member).setHeader(getTranslation("admin.groups.member"));
        members.addComponentColumn(member -> removeButton(() -> FolderDialogs.confirm(this::getTranslation,
            getTranslation("admin.groups.remove.confirm", member.member(), chosen.address()),
            () -> changeMembers(() -> service.removeMember(chosen.address(), member), "admin.groups.removed", member.member()))))
            .setAutoWidth(true).setFlexGrow(0);
        members.setAllRowsVisible(true);
        refreshGroups();
        choose(null);
    }

    private HorizontalLayout aliasBar() {
        account.setPlaceholder(getTranslation("admin.aliases.account"));
        account.setId("admin-alias-account");
        Button show = new Button(getTranslation("admin.aliases.show"), e -> refreshAliases());
        show.setId("admin-alias-show");
        TextField alias = new TextField();
        alias.setPlaceholder(getTranslation("admin.aliases.new"));
        alias.setId("admin-alias-new");
        Button add = new Button(getTranslation("admin.aliases.add"),
            e -> changeAliases(() -> service.addAlias(alias.getValue(), account.getValue()), "admin.aliases.added", alias.getValue().strip()));
        add.setId("admin-alias-add");
        return bar(account, show, alias, add);
    }

    private HorizontalLayout groupBar() {
        TextField address = new TextField();
        address.setPlaceholder(getTranslation("admin.groups.address"));
        address.setId("admin-group-address");
        TextField name = new TextField();
        name.setPlaceholder(getTranslation("admin.accounts.name"));
        name.setId("admin-group-name");
        Button create = new Button(getTranslation("admin.groups.create"), e -> {
            if (ConsoleCall.change(this, () -> service.createGroup(address.getValue(), name.getValue()), "admin.groups.created", address.getValue().strip())) {
                refreshGroups();
            }
        });
        create.setId("admin-group-create");
        return bar(address, name, create);
    }

    private HorizontalLayout memberBar() {
        TextField member = new TextField();
        member.setPlaceholder(getTranslation("admin.groups.memberHint"));
        member.setId("admin-member-address");
        Button add = new Button(getTranslation("admin.groups.addMember"),
            e -> changeMembers(() -> service.addMember(chosen.address(), member.getValue()), "admin.groups.added", member.getValue().strip()));
        add.setId("admin-member-add");
        HorizontalLayout bar = bar(member, add);
        bar.setId("admin-member-bar");
        return bar;
    }

    private void choose(Group group) {
        chosen = group;
        boolean shown = group != null;
        membersTitle.setVisible(shown);
        members.setVisible(shown);
        getChildren().filter(c -> c.getId().orElse("").equals("admin-member-bar")).forEach(c -> c.setVisible(shown));
        if (shown) {
            membersTitle.setText(getTranslation("admin.groups.members", group.address()));
            ConsoleCall.fetch(this, () -> service.members(group.address())).ifPresent(members::setItems);
        }
    }

    private void refreshAliases() {
        if (account.getValue().isBlank()) {
            aliases.setItems(List.of());
            return;
        }
        ConsoleCall.fetch(this, () -> service.aliasesOf(account.getValue())).ifPresent(aliases::setItems);
    }

    private void refreshGroups() {
        ConsoleCall.fetch(this, service::groups).ifPresent(groups::setItems);
    }

    private void changeAliases(ConsoleCall.Step step, String doneKey, String argument) {
        if (ConsoleCall.change(this, step, doneKey, argument)) {
            refreshAliases();
        }
    }

    private void changeMembers(ConsoleCall.Step step, String doneKey, String argument) {
        if (chosen != null && ConsoleCall.change(this, step, doneKey, argument)) {
            choose(chosen);
        }
    }

    private Button removeButton(Runnable action) {
        Button remove = new Button(getTranslation("admin.remove"), e -> action.run());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return remove;
    }

    private static HorizontalLayout bar(com.vaadin.flow.component.Component... parts) {
        HorizontalLayout bar = new HorizontalLayout(parts);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        return bar;
    }
}
