package vn.govmail.webmail.mail;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.BodyTerm;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.FromStringTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.ReceivedDateTerm;
import jakarta.mail.search.RecipientStringTerm;
import jakarta.mail.search.SearchTerm;
import jakarta.mail.search.SubjectTerm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.govmail.webmail.api.PlatformApiException;
import vn.govmail.webmail.api.SearchClient;

/**
 * Search. Criteria with some text go to the mail server's search API ({@link SearchClient}): every folder in one
 * call, ranked by relevance, with snippets; the server's index folds Vietnamese diacritics, so "van ban" finds
 * "văn bản". When that API cannot answer (another IMAP server, the API unreachable: then it is left alone for a
 * minute) and for date- or attachment-only criteria, IMAP SEARCH runs in each folder; when it finds nothing for a
 * query typed without diacritics, the newest messages' envelopes are compared here with diacritics folded (sender
 * and subject only: bodies stay on the server).
 */
public class SearchService {
    static final int MAX_RESULTS = 500;
    static final int FALLBACK_SCAN = 3000;
    static final Duration API_RETRY = Duration.ofMinutes(1);
    private static final Logger LOGGER = LoggerFactory.getLogger(SearchService.class);
    private final MailAccount account;
    private final SearchClient api;
    private final Clock clock;
    private Instant apiUnavailableUntil = Instant.MIN;

    public SearchService(MailAccount account) {
        this(account, new SearchClient(account.userApi(), ZoneId.systemDefault()), Clock.systemUTC());
    }

    SearchService(MailAccount account, SearchClient api, Clock clock) {
        this.account = account;
        this.api = api;
        this.clock = clock;
    }

    /** The quick search box: anywhere in the message. */
    public List<SearchHit> quickSearch(String text) throws MessagingException {
        SearchCriteria anywhere = SearchCriteria.anywhere(text);
        List<SearchHit> ranked = ranked(anywhere);
        if (ranked != null) {
            return ranked;
        }
        // IMAP: sender, subject and body, each as its own search, merged, newest first
        Map<String, SearchHit> merged = new LinkedHashMap<>();
        for (SearchCriteria c : List.of(
            new SearchCriteria(null, null, text, null, null, null, false, null),
            new SearchCriteria(text, null, null, null, null, null, false, null),
            new SearchCriteria(null, null, null, text, null, null, false, null))) {
            for (SearchHit hit : imapSearch(c)) {
                merged.putIfAbsent(hit.folder() + "/" + hit.message().uid(), hit);
            }
        }
        return merged.values().stream().sorted(NEWEST_FIRST).toList();
    }

    public List<SearchHit> search(SearchCriteria criteria) throws MessagingException {
        List<SearchHit> ranked = ranked(criteria);
        return ranked != null ? ranked : imapSearch(criteria);
    }

    /** The server's ranked hits, or null when the API cannot answer these criteria now. */
    private List<SearchHit> ranked(SearchCriteria criteria) {
        if (!SearchClient.canAnswer(criteria) || clock.instant().isBefore(apiUnavailableUntil)) {
            return null;
        }
        try {
            return api.search(criteria);
        } catch (PlatformApiException e) {
            if (apiDown(e.status())) {
                LOGGER.warn("The mail server's search API did not answer ({} {}); searching with IMAP for {}", e.status(), e.getMessage(), API_RETRY);
                apiUnavailableUntil = clock.instant().plus(API_RETRY);
            } else {
                // a refusal of these criteria (e.g. 400, 404 unknown folder): IMAP answers this search, the API stays on
                LOGGER.info("The mail server's search API refused this search ({} {}); searching with IMAP", e.status(), e.getMessage());
            }
            return null;
        }
    }

    /** Not reached, failing, or our session not accepted: leave the API alone for a while. */
    static boolean apiDown(int status) {
        return status == 0 || status == 401 || status == 403 || status >= 500;
    }

    private static final Comparator<SearchHit> NEWEST_FIRST =
        Comparator.comparing((SearchHit h) -> h.message().date(), Comparator.nullsLast(Comparator.reverseOrder()));

    List<SearchHit> imapSearch(SearchCriteria criteria) throws MessagingException {
        List<String> folderNames = new ArrayList<>();
        if (criteria.folder() != null) {
            folderNames.add(criteria.folder());
        } else {
            for (MailFolder f : new FolderService(account).folders()) {
                if (f.selectable() && f.role() != FolderRole.TRASH && f.role() != FolderRole.JUNK) {
                    folderNames.add(f.fullName());
                }
            }
        }
        List<SearchHit> hits = new ArrayList<>();
        SearchTerm term = term(criteria);
        synchronized (account) {
            for (String name : folderNames) {
                IMAPFolder folder = account.folder(name);
                folder.open(Folder.READ_ONLY);
                try {
                    Message[] found = term == null ? folder.getMessages() : folder.search(term);
                    if (found.length == 0 && canFoldLocally(criteria)) {
                        found = foldedScan(folder, criteria);
                    }
                    collect(folder, found, criteria, hits);
                } finally {
                    folder.close(false);
                }
            }
        }
        hits.sort(NEWEST_FIRST);
        return hits.size() > MAX_RESULTS ? hits.subList(0, MAX_RESULTS) : hits;
    }

    private static void collect(IMAPFolder folder, Message[] found, SearchCriteria criteria, List<SearchHit> hits) throws MessagingException {
        Message[] newest = found.length > MAX_RESULTS ? Arrays.copyOfRange(found, found.length - MAX_RESULTS, found.length) : found;
        folder.fetch(newest, MessageListService.profile());
        for (Message message : newest) {
            MessageSummary summary = MessageListService.summary(folder, (IMAPMessage) message);
            if (!criteria.hasAttachment() || summary.hasAttachment()) {
                hits.add(new SearchHit(folder.getFullName(), summary));
            }
        }
    }

    static SearchTerm term(SearchCriteria c) {
        List<SearchTerm> terms = new ArrayList<>();
        if (!SearchCriteria.blank(c.from())) {
            terms.add(new FromStringTerm(c.from().strip()));
        }
        if (!SearchCriteria.blank(c.to())) {
            terms.add(new OrTerm(new RecipientStringTerm(Message.RecipientType.TO, c.to().strip()),
                new RecipientStringTerm(Message.RecipientType.CC, c.to().strip())));
        }
        if (!SearchCriteria.blank(c.subject())) {
            terms.add(new SubjectTerm(c.subject().strip()));
        }
        if (!SearchCriteria.blank(c.body())) {
            terms.add(new BodyTerm(c.body().strip()));
        }
        if (c.after() != null) {
            terms.add(new ReceivedDateTerm(ComparisonTerm.GE, date(c.after())));
        }
        if (c.before() != null) {
            terms.add(new ReceivedDateTerm(ComparisonTerm.LE, date(c.before())));
        }
        if (terms.isEmpty()) {
            return null;
        }
        return terms.size() == 1 ? terms.get(0) : new AndTerm(terms.toArray(SearchTerm[]::new));
    }

    private static Date date(java.time.LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    /** The local fallback applies to sender/subject queries typed without diacritics (and nothing else). */
    static boolean canFoldLocally(SearchCriteria c) {
        boolean any = !SearchCriteria.blank(c.from()) || !SearchCriteria.blank(c.subject());
        return any && SearchCriteria.blank(c.to()) && SearchCriteria.blank(c.body())
            && ascii(c.from()) && ascii(c.subject());
    }

    private static boolean ascii(String s) {
        return s == null || s.chars().allMatch(ch -> ch < 128);
    }

    private static Message[] foldedScan(IMAPFolder folder, SearchCriteria c) throws MessagingException {
        int count = folder.getMessageCount();
        if (count == 0) {
            return new Message[0];
        }
        Message[] recent = folder.getMessages(Math.max(1, count - FALLBACK_SCAN + 1), count);
        folder.fetch(recent, MessageListService.profile());
        String from = TextDecoding.fold(c.from());
        String subject = TextDecoding.fold(c.subject());
        List<Message> matches = new ArrayList<>();
        for (Message message : recent) {
            String sender = message.getFrom() == null ? "" : TextDecoding.fold(Arrays.toString(message.getFrom()));
            String sub = TextDecoding.fold(message.getSubject());
            boolean ok = (from.isBlank() || sender.contains(from.strip())) && (subject.isBlank() || sub.contains(subject.strip()));
            boolean dateOk = (c.after() == null || message.getReceivedDate() == null || !message.getReceivedDate().before(date(c.after())))
                && (c.before() == null || message.getReceivedDate() == null || !message.getReceivedDate().after(date(c.before().plusDays(1))));
            if (ok && dateOk) {
                matches.add(message);
            }
        }
        return matches.toArray(Message[]::new);
    }
}
