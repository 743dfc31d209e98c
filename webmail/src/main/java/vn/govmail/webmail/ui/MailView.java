package vn.govmail.webmail.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.mail.MessagingException;
import java.text.DateFormat;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.imap.IdleManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govmail.webmail.api.PlatformApiException;
import vn.govmail.webmail.eoffice.EofficeService;
import vn.govmail.webmail.mail.FolderRole;
import vn.govmail.webmail.mail.FolderService;
import vn.govmail.webmail.mail.FolderWatcher;
import vn.govmail.webmail.mail.MailAccount;
import vn.govmail.webmail.mail.MailFolder;
import vn.govmail.webmail.mail.MessageActions;
import vn.govmail.webmail.mail.MessageListService;
import vn.govmail.webmail.mail.MessageSort;
import vn.govmail.webmail.mail.MessageSummary;
import vn.govmail.webmail.mail.PreferencesStore;
import vn.govmail.webmail.mail.QuotaService;
import vn.govmail.webmail.mail.SearchCriteria;
import vn.govmail.webmail.mail.SearchHit;
import vn.govmail.webmail.mail.SearchService;
import vn.govmail.webmail.mail.SearchSnippet;

/** The mailbox: folders in the drawer, the message list, the reading pane. Protocol work is in the services. */
@Route("")
@PageTitle("govmail")
public class MailView extends AppLayout implements BeforeEnterObserver {
    /** {@code ?folder=INBOX&uid=12} opens that message (e.g. a document's source mail from {@link DocumentView}). */
    static final String FOLDER_PARAMETER = "folder";
    static final String UID_PARAMETER = "uid";
    private static final Logger LOGGER = LoggerFactory.getLogger(MailView.class);
    private final MailAccount account = UserSession.require();
    private final FolderService folderService = new FolderService(account);
    private final MessageListService listService = new MessageListService(account);
    private final MessageActions actions = new MessageActions(account);
    private final SearchService searchService = new SearchService(account);
    private final QuotaService quotaService = new QuotaService(account);
    private final IdleManager idleManager;
    private final PreferencesStore preferencesStore;
    private final TreeGrid<MailFolder> folderTree = new TreeGrid<>();
    private final Grid<SearchHit> grid = new Grid<>();
    private final ReaderPane reader;
    private final ProgressBar quota = new ProgressBar();
    private final Span quotaLabel = new Span();
    private final Span status = new Span();
    private final MenuBar toolbar = new MenuBar();
    private final TextField quickSearch = new TextField();
    private List<MailFolder> folders = List.of();
    private String currentFolder = "INBOX";
    private List<SearchHit> searchResults;
    private FolderWatcher watcher;

    public MailView(IdleManager idleManager, PreferencesStore preferencesStore) {
        this.idleManager = idleManager;
        this.preferencesStore = preferencesStore;
        this.reader = new ReaderPane(account, preferencesStore, this::openCompose, this::afterChange);
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), navbar());
        addToDrawer(drawer());
        setContent(content());
        showFolder("INBOX");
    }

    private HorizontalLayout navbar() {
        quickSearch.setPlaceholder(getTranslation("search.quick"));
        quickSearch.setId("quick-search");
        quickSearch.setClearButtonVisible(true);
        quickSearch.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        quickSearch.addValueChangeListener(e -> {
            if (e.getValue().isBlank()) {
                showFolder(currentFolder);
            } else {
                runSearch(SearchCriteria.anywhere(e.getValue()), true);
            }
        });
        Button advanced = new Button(getTranslation("action.search"), e -> new SearchDialog(folders, c -> runSearch(c, false)).open());
        advanced.setId("advanced-search");
        Button settings = new Button(getTranslation("action.settings"), e -> new SettingsDialog(account, UserSession.preferences(), preferencesStore, folders).open());
        settings.setId("settings");
        settings.addClassName("hide-on-phone");
        Button logout = new Button(getTranslation("logout"), e -> logout());
        logout.setId("logout");
        quota.setWidth("120px");
        quota.setId("quota");
        Div quotaBox = new Div(quotaLabel, quota);
        quotaBox.addClassName("hide-on-phone");
        quotaLabel.getStyle().set("font-size", "var(--lumo-font-size-xs)");
        HorizontalLayout bar = new HorizontalLayout(quickSearch, advanced, quotaBox, settings,
            LanguageSelect.create(this::translate), logout);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();
        bar.getStyle().set("padding-right", "var(--lumo-space-m)").set("flex-wrap", "wrap");
        quickSearch.getStyle().set("flex", "1 1 12em");
        return bar;
    }

    private String translate(String key) {
        return getTranslation(key);
    }

    private VerticalLayout drawer() {
        Button compose = new Button(getTranslation("action.compose"), e -> openCompose(null));
        compose.setId("compose");
        compose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compose.setWidthFull();
        folderTree.setId("folders");
        folderTree.addHierarchyColumn(this::folderLabel).setFlexGrow(1);
        folderTree.addColumn(f -> f.unread() > 0 ? Integer.toString(f.unread()) : "").setAutoWidth(true).setFlexGrow(0);
        folderTree.setPartNameGenerator(f -> f.unread() > 0 ? "unread" : null);
        folderTree.addItemClickListener(e -> {
            if (e.getItem().selectable()) {
                quickSearch.clear();
                showFolder(e.getItem().fullName());
            }
        });
        folderTree.setHeight("50vh");
        MenuBar folderMenu = new MenuBar();
        folderMenu.setId("folder-menu");
        folderMenu.addItem(getTranslation("folder.new"), e -> FolderDialogs.create(this::translate, name -> folderChange(() -> folderService.create(null, name))));
        folderMenu.addItem(getTranslation("folder.rename"), e -> withOwnFolder(f -> FolderDialogs.rename(this::translate, f.name(),
            name -> folderChange(() -> folderService.rename(f.fullName(), name)))));
        folderMenu.addItem(getTranslation("folder.delete"), e -> withOwnFolder(f -> FolderDialogs.confirm(this::translate, getTranslation("folder.delete.confirm", f.name()),
            () -> folderChange(() -> {
                folderService.delete(f.fullName());
                currentFolder = "INBOX";
            }))));
        Button quarantine = new Button(getTranslation("quarantine.title"), e -> UI.getCurrent().navigate(QuarantineView.class));
        quarantine.setId("nav-quarantine");
        quarantine.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        VerticalLayout drawer = new VerticalLayout(compose, folderTree, folderMenu, quarantine);
        documentsEntry().ifPresent(drawer::add);
        vn.govmail.webmail.ui.admin.AdminEntry.forAccount(account, this::translate).ifPresent(drawer::add);
        drawer.setPadding(true);
        return drawer;
    }

    /** "Văn bản đến", only for a văn thư, a leader or an assignee (the server says which; unreachable: not shown). */
    private java.util.Optional<Button> documentsEntry() {
        try {
            if (!new EofficeService(account.userApi()).roles().any()) {
                return java.util.Optional.empty();
            }
        } catch (PlatformApiException e) {
            LOGGER.warn("document roles of {} unknown: {}", account.user(), e.getMessage());
            return java.util.Optional.empty();
        }
        Button documents = new Button(getTranslation("doc.title"), e -> UI.getCurrent().navigate(DocumentsView.class));
        documents.setId("nav-documents");
        documents.setWidthFull();
        return java.util.Optional.of(documents);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        List<String> folder = parameters.get(FOLDER_PARAMETER);
        List<String> uid = parameters.get(UID_PARAMETER);
        if (folder != null && uid != null && !folder.isEmpty() && !uid.isEmpty() && uid.get(0).matches("\\d{1,18}")) {
            showFolder(folder.get(0));
            reader.show(folder.get(0), Long.parseLong(uid.get(0)));
        }
    }

    String folderLabel(MailFolder folder) {
        return folder.role() == FolderRole.NONE ? folder.name() : getTranslation(folder.role().translationKey());
    }

    private Div content() {
        grid.setId("messages");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(this::markers).setHeader("").setWidth("4.5em").setFlexGrow(0);
        grid.addColumn(h -> currentRole() == FolderRole.SENT || currentRole() == FolderRole.DRAFTS ? h.message().to() : h.message().from())
            .setHeader(getTranslation("list.from")).setKey(MessageSort.FROM.name()).setSortable(true).setFlexGrow(2);
        grid.addColumn(h -> h.message().subject().isBlank() ? getTranslation("list.noSubject") : h.message().subject())
            .setHeader(getTranslation("list.subject")).setKey(MessageSort.SUBJECT.name()).setSortable(true).setFlexGrow(4);
        grid.addColumn(h -> formatDate(h.message().date())).setHeader(getTranslation("list.date"))
            .setKey(MessageSort.DATE.name()).setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(h -> formatSize(h.message().size())).setHeader(getTranslation("list.size"))
            .setKey(MessageSort.SIZE.name()).setSortable(true).setAutoWidth(true).setFlexGrow(0).addClassName("hide-on-phone");
        grid.setPartNameGenerator(h -> h.message().seen() ? null : "unread");
        // Search results from the server's index show the matching text under their row (folder rows have none).
        grid.setItemDetailsRenderer(new ComponentRenderer<>(MailView::snippet));
        grid.setDetailsVisibleOnClick(false);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.addSelectionListener(e -> status.setText(e.getAllSelectedItems().isEmpty() ? "" : getTranslation("selected", e.getAllSelectedItems().size())));
        grid.setMultiSort(false);
        grid.setEmptyStateText(getTranslation("list.empty"));
        buildToolbar();
        HorizontalLayout actionsBar = new HorizontalLayout(toolbar, status);
        actionsBar.setAlignItems(FlexComponent.Alignment.CENTER);
        actionsBar.setWidthFull();
        VerticalLayout list = new VerticalLayout(actionsBar, grid);
        list.setPadding(false);
        list.setSpacing(false);
        list.getStyle().set("flex", "1 1 45%").set("min-width", "0").set("min-height", "50vh");
        grid.setHeightFull();
        reader.getStyle().set("flex", "1 1 55%").set("min-width", "0");
        Div split = new Div(list, reader);
        split.addClassName("mail-split");
        split.getStyle().set("display", "flex").set("height", "100%").set("gap", "var(--lumo-space-s)");
        return split;
    }

    private void buildToolbar() {
        toolbar.setId("toolbar");
        toolbar.addItem(getTranslation("action.refresh"), e -> afterChange());
        toolbar.addItem(getTranslation("action.read"), e -> act(uids -> actions.markSeen(folderOf(), uids, true))).setId("mark-read");
        toolbar.addItem(getTranslation("action.unread"), e -> act(uids -> actions.markSeen(folderOf(), uids, false))).setId("mark-unread");
        toolbar.addItem(getTranslation("action.flag"), e -> act(uids -> actions.markFlagged(folderOf(), uids, true))).setId("flag");
        toolbar.addItem(getTranslation("action.unflag"), e -> act(uids -> actions.markFlagged(folderOf(), uids, false)));
        MenuItem move = toolbar.addItem(getTranslation("action.move"));
        move.setId("move");
        toolbar.addItem(getTranslation("action.delete"), e -> act(uids -> actions.delete(folderOf(), uids))).setId("delete");
        toolbar.addItem(getTranslation("action.spam"), e -> act(uids -> actions.markSpam(folderOf(), uids))).setId("spam");
        toolbar.addItem(getTranslation("action.notSpam"), e -> act(uids -> actions.markNotSpam(folderOf(), uids))).setId("not-spam");
    }

    private void refreshMoveMenu() {
        toolbar.getItems().stream().filter(i -> "move".equals(i.getId().orElse(""))).findFirst().ifPresent(move -> {
            SubMenu sub = move.getSubMenu();
            sub.removeAll();
            for (MailFolder f : folders) {
                if (f.selectable() && !f.fullName().equals(currentFolder)) {
                    sub.addItem(folderLabel(f), e -> act(uids -> actions.move(folderOf(), uids, f.fullName())));
                }
            }
        });
    }

    private String folderOf() {
        return currentFolder;
    }

    private FolderRole currentRole() {
        return folders.stream().filter(f -> f.fullName().equals(currentFolder)).map(MailFolder::role).findFirst().orElse(FolderRole.NONE);
    }

    private String markers(SearchHit hit) {
        MessageSummary m = hit.message();
        return (m.seen() ? "" : "● ") + (m.flagged() ? "⚑ " : "") + (m.hasAttachment() ? "📎" : "");
    }

    private String formatDate(Date date) {
        if (date == null) {
            return "";
        }
        Locale locale = getLocale();
        long age = System.currentTimeMillis() - date.getTime();
        DateFormat format = age < 20 * 3600_000L && age > -3600_000L
            ? new SimpleDateFormat("HH:mm", locale) : new SimpleDateFormat("dd/MM/yyyy", locale);
        return format.format(date);
    }

    static String formatSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    /** Shows a folder with a lazy data provider: the grid asks only for the rows on screen. */
    void showFolder(String folderName) {
        currentFolder = folderName;
        searchResults = null;
        listService.invalidate();
        grid.setDataProvider(new CallbackDataProvider<SearchHit, Void>(
            query -> {
                MessageSort sort = MessageSort.DATE;
                boolean descending = true;
                for (var order : query.getSortOrders()) {
                    sort = MessageSort.valueOf(order.getSorted());
                    descending = order.getDirection() == SortDirection.DESCENDING;
                }
                try {
                    return listService.page(folderName, sort, descending, query.getOffset(), query.getLimit()).stream()
                        .map(m -> new SearchHit(folderName, m));
                } catch (MessagingException e) {
                    error(e);
                    return java.util.stream.Stream.empty();
                }
            },
            query -> {
                try {
                    return listService.count(folderName);
                } catch (MessagingException e) {
                    error(e);
                    return 0;
                }
            },
            hit -> hit.folder() + "/" + hit.message().uid()));
        grid.deselectAll();
        reader.clear();
        refreshFolders();
        if (watcher != null) {
            watcher.watch(folderName);
        }
    }

    private void runSearch(SearchCriteria criteria, boolean quick) {
        try {
            List<SearchHit> hits = quick ? searchService.quickSearch(criteria.text()) : searchService.search(criteria);
            searchResults = hits;
            grid.setItems(hits);
            hits.stream().filter(hit -> hit.snippet() != null).forEach(hit -> grid.setDetailsVisible(hit, true));
            grid.deselectAll();
            reader.clear();
            status.setText(getTranslation("search.results", hits.size()));
        } catch (MessagingException e) {
            error(e);
        }
    }

    private void open(SearchHit hit) {
        if (searchResults != null) {
            currentFolder = hit.folder();
        }
        reader.show(hit.folder(), hit.message().uid());
        grid.getDataProvider().refreshItem(new SearchHit(hit.folder(), withSeen(hit.message()), hit.snippet()));
        if (!hit.message().seen()) {
            // one message less unread: counted here rather than asking the server for every folder's status again
            folders = folders.stream().map(f -> f.fullName().equals(hit.folder()) && f.unread() > 0
                ? new MailFolder(f.fullName(), f.name(), f.parent(), f.role(), f.unread() - 1, f.total(), f.selectable()) : f).toList();
            showFolderTree();
        }
    }

    /** The snippet of a search hit, matches in {@code <mark>}; text only (nothing from the message becomes HTML). */
    static Div snippet(SearchHit hit) {
        Div line = new Div();
        line.addClassName("search-snippet");
        line.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)")
            .set("padding", "0 var(--lumo-space-m) var(--lumo-space-xs) 5.5em").set("white-space", "normal");
        if (hit.snippet() != null) {
            for (SearchSnippet.Part part : hit.snippet().parts()) {
                line.getElement().appendChild(part.match() ? new Element("mark").setText(part.text()) : Element.createText(part.text()));
            }
        }
        return line;
    }

    private static MessageSummary withSeen(MessageSummary m) {
        return new MessageSummary(m.uid(), m.from(), m.to(), m.subject(), m.date(), m.size(), true, m.flagged(), m.answered(), m.hasAttachment());
    }

    private interface UidAction {
        void run(Set<Long> uids) throws MessagingException;
    }

    private void act(UidAction action) {
        Set<Long> uids = grid.getSelectedItems().stream().map(h -> h.message().uid()).collect(Collectors.toSet());
        if (uids.isEmpty() && reader.currentUid() >= 0) {
            uids = Set.of(reader.currentUid());
        }
        if (uids.isEmpty()) {
            return;
        }
        try {
            action.run(uids);
        } catch (MessagingException e) {
            error(e);
        }
        afterChange();
    }

    /** After anything that changed the mailbox: reload the list and the counts. */
    void afterChange() {
        listService.invalidate();
        if (searchResults != null) {
            showFolder(currentFolder);
        } else {
            grid.getDataProvider().refreshAll();
            grid.deselectAll();
            refreshFolders();
        }
    }

    private interface FolderChange {
        void run() throws MessagingException;
    }

    private void folderChange(FolderChange change) {
        try {
            change.run();
        } catch (FolderService.FolderException e) {
            Notification.show(getTranslation(e.getMessage())).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        } catch (MessagingException e) {
            error(e);
            return;
        }
        showFolder(currentFolder);
    }

    private void withOwnFolder(java.util.function.Consumer<MailFolder> use) {
        folders.stream().filter(f -> f.fullName().equals(currentFolder) && f.role() == FolderRole.NONE).findFirst()
            .ifPresentOrElse(use, () -> Notification.show(getTranslation("folder.select")));
    }

    void refreshFolders() {
        try {
            folders = folderService.folders();
            showFolderTree();
            refreshMoveMenu();
            quotaService.storage().ifPresent(usage -> {
                quota.setValue(usage.ratio());
                quotaLabel.setText(getTranslation("quota.label", formatSize(usage.usedBytes()), formatSize(usage.limitBytes())));
                quota.setClassName("quota-warning", usage.warning());
                quota.getElement().setAttribute("theme", usage.warning() ? "error" : "");
            });
        } catch (MessagingException e) {
            error(e);
        }
    }

    private void showFolderTree() {
        folderTree.setItems(folders.stream().filter(f -> f.parent() == null || folders.stream().noneMatch(p -> p.fullName().equals(f.parent()))).toList(),
            parent -> folders.stream().filter(f -> parent.fullName().equals(f.parent())).toList());
        folders.stream().filter(f -> f.fullName().equals(currentFolder)).findFirst().ifPresent(folderTree::select);
        folderTree.expandRecursively(folders, 5);
    }

    void openCompose(vn.govmail.webmail.mail.OutgoingMessage message) {
        new ComposeDialog(account, message, UserSession.preferences(), preferencesStore, this::afterChange).open();
    }

    private void logout() {
        VaadinSession session = VaadinSession.getCurrent();
        UserSession.end(session);
        UI.getCurrent().getPage().setLocation("login");
        session.getSession().invalidate();
    }

    void error(Exception e) {
        LOGGER.warn("mail operation failed for {}: {}", account.user(), e.toString());
        String key = e.getMessage() != null && e.getMessage().startsWith("message.") ? "reader.gone" : null;
        Notification n = Notification.show(key != null ? getTranslation(key) : getTranslation("error.generic", e.getMessage()));
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        watcher = new FolderWatcher(account, idleManager, () -> ui.access(() -> {
            afterChange();
            Notification.show(getTranslation("newMail", 1)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }));
        watcher.watch(currentFolder);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }
}
