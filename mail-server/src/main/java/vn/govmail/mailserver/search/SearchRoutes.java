package vn.govmail.mailserver.search;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.mailbox.indexer.ReIndexer;
import org.apache.james.task.TaskId;
import org.apache.james.task.TaskManager;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;

import spark.Request;
import spark.Response;
import spark.Service;
import vn.govmail.mailserver.admin.AdminErrors;

/**
 * WebAdmin (loopback, admin token) routes of the search index:
 * <ul>
 *   <li>{@code GET /govmail/search?user=U&q=TEXT[&limit=N]}: U's messages in U's folders (Trash and Junk left
 *       out), ranked, with highlighted snippets (HTML-escaped text, matches in {@code <b>}); never another user's
 *       message. The same search as the user's own {@code GET /govmail/me/search} ({@link UserMailSearch});</li>
 *   <li>{@code POST /govmail/search/reindex?user=U | ?domain=D | (nothing: everything)[&messagesPerSecond=N]}: starts
 *       James's re-index task(s) on our index and answers their ids; follow them with {@code GET /tasks/ID}. One
 *       user and everything also exist as James's own {@code POST /users/U/mailboxes?task=reIndex} and
 *       {@code POST /mailboxes?task=reIndex}; a domain is one task per account.</li>
 * </ul>
 */
public class SearchRoutes implements Routes {
    private static final int MAX_LIMIT = 200;

    private final SearchComponents components;
    private final UsersRepository users;
    private final ReIndexer reIndexer;
    private final TaskManager tasks;
    private final JsonTransformer json = new JsonTransformer();

    @Inject
    public SearchRoutes(SearchComponents components, UsersRepository users, ReIndexer reIndexer, TaskManager tasks) {
        this.components = components;
        this.users = users;
        this.reIndexer = reIndexer;
        this.tasks = tasks;
    }

    @Override
    public String getBasePath() {
        return "/govmail/search";
    }

    @Override
    public void define(Service service) {
        service.get("/govmail/search", this::search, json);
        service.post("/govmail/search/reindex", this::reindex, json);
    }

    private Object search(Request request, Response response) throws Exception {
        Username user = user(request.queryParams("user")).orElseThrow(() -> AdminErrors.badRequest("the 'user' parameter is required"));
        String text = Optional.ofNullable(request.queryParams("q")).map(String::strip).filter(q -> !q.isEmpty())
            .orElseThrow(() -> AdminErrors.badRequest("the 'q' parameter (the text to search) is required"));
        int limit = intParam(request, "limit", 20);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw AdminErrors.badRequest("'limit' must be between 1 and " + MAX_LIMIT);
        }
        if (!users.contains(user)) {
            throw AdminErrors.notFound("No account " + user.asString());
        }
        List<Map<String, Object>> hits = new ArrayList<>();
        for (UserMailSearch.Hit hit : components.userMailSearch().search(user, UserSearchCriteria.text(text), 0, limit).hits()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("mailboxId", hit.mailboxId());
            item.put("folder", hit.folder());
            item.put("uid", hit.uid());
            item.put("subject", hit.subject());
            item.put("from", hit.from());
            item.put("internalDate", hit.date().toString());
            item.put("score", hit.score());
            item.put("snippet", hit.snippetHtml());
            hits.add(item);
        }
        return Map.of("user", user.asString(), "query", text, "hits", hits);
    }

    private Object reindex(Request request, Response response) throws Exception {
        ReIndexer.RunningOptions options = ReIndexer.RunningOptions.builder()
            .messagesPerSeconds(Optional.of(intParam(request, "messagesPerSecond", 200)))
            .build();
        List<String> taskIds = new ArrayList<>();
        Optional<String> userParam = Optional.ofNullable(request.queryParams("user"));
        Optional<String> domainParam = Optional.ofNullable(request.queryParams("domain"));
        if (userParam.isPresent() && domainParam.isPresent()) {
            throw AdminErrors.badRequest("give 'user' or 'domain', not both");
        }
        if (userParam.isPresent()) {
            Username user = user(userParam.get()).orElseThrow(() -> AdminErrors.badRequest("invalid user"));
            if (!users.contains(user)) {
                throw AdminErrors.notFound("No account " + user.asString());
            }
            taskIds.add(submit(reIndexer.reIndex(user, options)));
        } else if (domainParam.isPresent()) {
            Domain domain = domain(domainParam.get());
            for (Iterator<Username> all = users.list(); all.hasNext(); ) {
                Username user = all.next();
                if (user.getDomainPart().map(domain::equals).orElse(false)) {
                    taskIds.add(submit(reIndexer.reIndex(user, options)));
                }
            }
            if (taskIds.isEmpty()) {
                throw AdminErrors.notFound("No account in domain " + domain.asString());
            }
        } else {
            taskIds.add(submit(reIndexer.reIndex(options)));
        }
        response.status(201);
        return Map.of("taskIds", taskIds);
    }

    private String submit(org.apache.james.task.Task task) {
        TaskId id = tasks.submit(task);
        return id.asString();
    }

    private static Optional<Username> user(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Username.of(value.strip()));
        } catch (IllegalArgumentException e) {
            throw AdminErrors.badRequest("invalid user '" + value + "'");
        }
    }

    private static Domain domain(String value) {
        try {
            return Domain.of(value.strip());
        } catch (IllegalArgumentException e) {
            throw AdminErrors.badRequest("invalid domain '" + value + "'");
        }
    }

    private static int intParam(Request request, String name, int defaultValue) {
        String value = request.queryParams(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw AdminErrors.badRequest("'" + name + "' must be a number");
        }
    }

}
