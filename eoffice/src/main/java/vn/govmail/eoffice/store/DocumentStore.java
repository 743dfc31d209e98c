package vn.govmail.eoffice.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import vn.govmail.eoffice.DocumentMetadata;
import vn.govmail.eoffice.Field;
import vn.govmail.eoffice.MetadataField;

/**
 * The incoming-document register in PostgreSQL (plain JDBC): records with every metadata field and its confidence,
 * the kept attachments, the history of every step, and the arrival numbers (số đến), which run per unit and
 * calendar year without gaps or duplicates because the counter row is locked and bumped in the same transaction
 * that registers the document.
 */
public class DocumentStore {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Map<MetadataField, String> COLUMNS = new EnumMap<>(MetadataField.class);
    private static final Pattern CONFIDENCE_ENTRY = Pattern.compile("\"(\\w+)\":([0-9.]+)");

    static {
        COLUMNS.put(MetadataField.CodeNumber, "code_number");
        COLUMNS.put(MetadataField.CodeNotation, "code_notation");
        COLUMNS.put(MetadataField.PromulgationDate, "promulgation_date");
        COLUMNS.put(MetadataField.Place, "place");
        COLUMNS.put(MetadataField.OrganName, "organ_name");
        COLUMNS.put(MetadataField.TypeName, "type_name");
        COLUMNS.put(MetadataField.Subject, "subject");
        COLUMNS.put(MetadataField.Priority, "priority");
        COLUMNS.put(MetadataField.Secrecy, "secrecy");
        COLUMNS.put(MetadataField.SignerFullName, "signer_full_name");
        COLUMNS.put(MetadataField.SignerPosition, "signer_position");
        COLUMNS.put(MetadataField.ToPlaces, "to_places");
        COLUMNS.put(MetadataField.DueDate, "due_date");
    }

    /** The lead and support assignees of a row as a lower-case array (entries separated by ',' or ';'). */
    private static final String ASSIGNEES =
        "regexp_split_to_array(lower(btrim(coalesce(lead_assignee, '') || ',' || coalesce(support_assignees, ''))), '\\s*[,;]\\s*')";

    private final DataSource dataSource;

    public DocumentStore(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        DocumentSchema.create(dataSource);
    }

    // ---- units ----

    public void saveUnit(Unit unit) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO eoffice_unit (unit_id, name, document_address, clerk_mailbox, organ_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (unit_id) DO UPDATE SET name = EXCLUDED.name, document_address = EXCLUDED.document_address,
                    clerk_mailbox = EXCLUDED.clerk_mailbox, organ_id = EXCLUDED.organ_id""")) {
            statement.setString(1, unit.unitId());
            statement.setString(2, unit.name());
            statement.setString(3, unit.documentAddress().toLowerCase(Locale.ROOT));
            statement.setString(4, unit.clerkMailbox().toLowerCase(Locale.ROOT));
            statement.setString(5, unit.organId());
            statement.executeUpdate();
        }
    }

    public List<Unit> units() throws SQLException {
        return queryUnits("SELECT * FROM eoffice_unit ORDER BY unit_id", null);
    }

    public Optional<Unit> unit(String unitId) throws SQLException {
        return queryUnits("SELECT * FROM eoffice_unit WHERE unit_id = ?", unitId).stream().findFirst();
    }

    public Optional<Unit> unitByDocumentAddress(String address) throws SQLException {
        return queryUnits("SELECT * FROM eoffice_unit WHERE document_address = ?", address.toLowerCase(Locale.ROOT)).stream().findFirst();
    }

    private List<Unit> queryUnits(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            List<Unit> units = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    units.add(new Unit(rows.getString("unit_id"), rows.getString("name"), rows.getString("document_address"),
                        rows.getString("clerk_mailbox"), rows.getString("organ_id")));
                }
            }
            return units;
        }
    }

    // ---- recording ----

    /** An earlier record of the same document in this unit: same DocumentId, or same số, ký hiệu and issuer. */
    public Optional<Duplicate> findDuplicate(String unitId, String documentId, DocumentMetadata metadata) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return findDuplicate(connection, unitId, documentId, metadata);
        }
    }

    private static Optional<Duplicate> findDuplicate(Connection connection, String unitId, String documentId, DocumentMetadata metadata)
        throws SQLException {
        if (documentId != null) {
            try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM eoffice_document WHERE unit_id = ? AND document_id = ? ORDER BY id LIMIT 1")) {
                statement.setString(1, unitId);
                statement.setString(2, documentId);
                Optional<Long> id = firstId(statement);
                if (id.isPresent()) {
                    return Optional.of(new Duplicate(id.get(), "cùng mã văn bản (DocumentId) " + documentId));
                }
            }
        }
        String number = metadata.value(MetadataField.CodeNumber);
        String notation = metadata.value(MetadataField.CodeNotation);
        String organ = metadata.value(MetadataField.OrganName);
        if (number == null || notation == null || organ == null) {
            return Optional.empty();
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id FROM eoffice_document WHERE unit_id = ? AND code_number = ? AND upper(code_notation) = upper(?)
                    AND upper(organ_name) = upper(?) ORDER BY id LIMIT 1""")) {
            statement.setString(1, unitId);
            statement.setString(2, number);
            statement.setString(3, notation);
            statement.setString(4, organ);
            return firstId(statement).map(id -> new Duplicate(id, "cùng số, ký hiệu " + number + "/" + notation + " và cơ quan ban hành " + organ));
        }
    }

    /** The earlier record a new one duplicates, and why. */
    public record Duplicate(long documentId, String reason) {
    }

    private static Optional<Long> firstId(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
        }
    }

    /** A new record and the earlier one it duplicates, if any. */
    public record Inserted(long id, Optional<Duplicate> duplicate) {
    }

    /**
     * Records a document. The duplicate check and the insert run under a per-unit lock in one transaction, so two
     * copies of a document arriving at the same moment still see each other.
     */
    public Inserted insert(NewDocument document, String actor) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('eoffice:' || ?))")) {
                    lock.setString(1, document.unitId());
                    lock.execute();
                }
                Optional<Duplicate> duplicate = findDuplicate(connection, document.unitId(), document.documentId(), document.metadata());
                long id;
                try (PreparedStatement statement = connection.prepareStatement("""
                        INSERT INTO eoffice_document (unit_id, state, source, document_id, sender_organ_id, code_number, code_notation,
                            promulgation_date, place, organ_name, type_name, subject, priority, secrecy, signer_full_name, signer_position,
                            to_places, due_date, confidence, sender_address, sender_name, mail_message_id, mail_subject, mail_date, secret,
                            document_text, duplicate_of, duplicate_reason, trace_headers, business_doc_type, response_for_document_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
                    DocumentMetadata metadata = document.metadata();
                    int i = 1;
                    statement.setString(i++, document.unitId());
                    statement.setString(i++, DocumentState.PENDING.name());
                    statement.setString(i++, document.source());
                    statement.setString(i++, document.documentId());
                    statement.setString(i++, document.senderOrganId());
                    statement.setString(i++, metadata.value(MetadataField.CodeNumber));
                    statement.setString(i++, metadata.value(MetadataField.CodeNotation));
                    statement.setObject(i++, date(metadata.value(MetadataField.PromulgationDate)), Types.DATE);
                    statement.setString(i++, metadata.value(MetadataField.Place));
                    statement.setString(i++, metadata.value(MetadataField.OrganName));
                    statement.setString(i++, metadata.value(MetadataField.TypeName));
                    statement.setString(i++, metadata.value(MetadataField.Subject));
                    statement.setString(i++, metadata.value(MetadataField.Priority));
                    statement.setString(i++, metadata.value(MetadataField.Secrecy));
                    statement.setString(i++, metadata.value(MetadataField.SignerFullName));
                    statement.setString(i++, metadata.value(MetadataField.SignerPosition));
                    statement.setString(i++, metadata.value(MetadataField.ToPlaces));
                    statement.setObject(i++, date(metadata.value(MetadataField.DueDate)), Types.DATE);
                    statement.setString(i++, confidenceJson(metadata));
                    statement.setString(i++, document.senderAddress());
                    statement.setString(i++, document.senderName());
                    statement.setString(i++, document.mailMessageId());
                    statement.setString(i++, document.mailSubject());
                    statement.setObject(i++, document.mailDate());
                    statement.setBoolean(i++, metadata.secret());
                    // A secret document's content is never kept as text (so it can never be indexed or searched).
                    statement.setString(i++, metadata.secret() ? null : document.text());
                    statement.setObject(i++, duplicate.map(Duplicate::documentId).orElse(null), Types.BIGINT);
                    statement.setString(i++, duplicate.map(Duplicate::reason).orElse(null));
                    statement.setString(i++, document.traceHeaders());
                    statement.setObject(i++, document.businessDocType(), Types.INTEGER);
                    statement.setString(i, document.responseForDocumentId());
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        id = rows.getLong(1);
                    }
                }
                for (NewDocument.FileToKeep file : document.attachments()) {
                    try (PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO eoffice_attachment (document, name, content_type, size, sha256, content) VALUES (?, ?, ?, ?, ?, ?)")) {
                        statement.setLong(1, id);
                        statement.setString(2, file.name());
                        statement.setString(3, file.contentType());
                        statement.setLong(4, file.content().length);
                        statement.setString(5, sha256(file.content()));
                        statement.setBytes(6, file.content());
                        statement.executeUpdate();
                    }
                }
                String note = "Nhận từ " + document.senderAddress() + (document.source().equals("edxml") ? " (gói tin edXML)" : " (thư điện tử)")
                    + duplicate.map(d -> "; CẢNH BÁO trùng văn bản #" + d.documentId() + ": " + d.reason()).orElse("")
                    + (metadata(document).secret() ? "; VĂN BẢN MẬT (" + metadata(document).value(MetadataField.Secrecy) + ")" : "");
                history(connection, id, actor, "received", null, DocumentState.PENDING, note);
                connection.commit();
                return new Inserted(id, duplicate);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static DocumentMetadata metadata(NewDocument document) {
        return document.metadata();
    }

    // ---- reading ----

    public Optional<DocumentRecord> get(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT * FROM eoffice_document WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(record(connection, rows)) : Optional.empty();
            }
        }
    }

    public List<DocumentRecord> list(DocumentQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM eoffice_document WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.unitId() != null) {
            sql.append(" AND unit_id = ?");
            parameters.add(query.unitId());
        }
        if (query.state() != null) {
            sql.append(" AND state = ?");
            parameters.add(query.state().name());
        }
        if (query.priority() != null) {
            sql.append(" AND lower(priority) = lower(?)");
            parameters.add(query.priority());
        }
        if (query.from() != null) {
            sql.append(" AND received_at >= ?");
            parameters.add(query.from().atStartOfDay(VIETNAM).toOffsetDateTime());
        }
        if (query.to() != null) {
            sql.append(" AND received_at < ?");
            parameters.add(query.to().plusDays(1).atStartOfDay(VIETNAM).toOffsetDateTime());
        }
        if (query.organName() != null) {
            sql.append(" AND organ_name ILIKE ?");
            parameters.add("%" + query.organName().replace("%", "\\%") + "%");
        }
        if (query.typeName() != null) {
            sql.append(" AND lower(type_name) = lower(?)");
            parameters.add(query.typeName());
        }
        if (query.ids() != null) {
            if (query.ids().isEmpty()) {
                return List.of();
            }
            sql.append(" AND id = ANY (?)");
            parameters.add(query.ids());
        }
        if (query.audience() != null) {
            sql.append(" AND (unit_id = ANY (?) OR lower(btrim(leader)) = ? OR ? = ANY (").append(ASSIGNEES).append("))");
            parameters.add(new TextArray(query.audience().clerkUnits()));
            parameters.add(query.audience().person());
            parameters.add(query.audience().person());
        }
        // Urgent first (Hỏa tốc, Thượng khẩn, Khẩn), then the newest.
        sql.append(" ORDER BY CASE lower(priority) WHEN 'hỏa tốc' THEN 0 WHEN 'thượng khẩn' THEN 1 WHEN 'khẩn' THEN 2 ELSE 3 END, id DESC")
            .append(" LIMIT ").append(Math.max(1, Math.min(query.limit(), 1000))).append(" OFFSET ").append(Math.max(0, query.offset()));
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                Object parameter = parameters.get(i);
                if (parameter instanceof TextArray texts) {
                    statement.setArray(i + 1, connection.createArrayOf("text", texts.values().toArray()));
                } else if (parameter instanceof List<?> ids) {
                    statement.setArray(i + 1, connection.createArrayOf("bigint", ids.toArray()));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            List<DocumentRecord> records = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    records.add(record(connection, rows));
                }
            }
            return records;
        }
    }

    private record TextArray(List<String> values) {
    }

    /** How many documents were presented to {@code person} as leader, and in how many they are chủ trì or phối hợp. */
    public record PersonalCounts(int presented, int assigned) {
    }

    public PersonalCounts personalCounts(String person) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
            "SELECT count(*) FILTER (WHERE lower(btrim(leader)) = ?), count(*) FILTER (WHERE ? = ANY (" + ASSIGNEES + ")) FROM eoffice_document")) {
            String who = person.strip().toLowerCase(Locale.ROOT);
            statement.setString(1, who);
            statement.setString(2, who);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new PersonalCounts(rows.getInt(1), rows.getInt(2));
            }
        }
    }

    /** Registered documents of a unit whose arrival date is in [from, to], by arrival number (the register's order). */
    public List<DocumentRecord> registered(String unitId, LocalDate from, LocalDate to) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement("""
                SELECT * FROM eoffice_document WHERE unit_id = ? AND arrival_number IS NOT NULL AND arrival_date BETWEEN ? AND ?
                ORDER BY arrival_year, arrival_number""")) {
            statement.setString(1, unitId);
            statement.setObject(2, from);
            statement.setObject(3, to);
            List<DocumentRecord> records = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    records.add(record(connection, rows));
                }
            }
            return records;
        }
    }

    /** Id, subject and text of every document whose text may be indexed (never a secret one). */
    public void forEachIndexable(IndexableConsumer consumer) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
            "SELECT id, unit_id, subject, document_text FROM eoffice_document WHERE NOT secret ORDER BY id")) {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4));
                }
            }
        }
    }

    /** Receives one indexable document. */
    @FunctionalInterface
    public interface IndexableConsumer {
        void accept(long id, String unitId, String subject, String text);
    }

    public Optional<String> text(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT document_text FROM eoffice_document WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        }
    }

    public Optional<byte[]> attachmentContent(long documentId, long attachmentId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT content FROM eoffice_attachment WHERE document = ? AND id = ?")) {
            statement.setLong(1, documentId);
            statement.setLong(2, attachmentId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
            }
        }
    }

    public List<HistoryEntry> history(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
            "SELECT at, actor, action, from_state, to_state, note FROM eoffice_history WHERE document = ? ORDER BY id")) {
            statement.setLong(1, id);
            List<HistoryEntry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(new HistoryEntry(rows.getObject(1, OffsetDateTime.class), rows.getString(2), rows.getString(3),
                        state(rows.getString(4)), state(rows.getString(5)), rows.getString(6)));
                }
            }
            return entries;
        }
    }

    /**
     * Documents in progress whose deadline is at most {@code daysAhead} days after {@code today} and that were not
     * reminded today; they are marked reminded in the same transaction (one reminder per document per day).
     */
    public List<DocumentRecord> takeDueForReminder(LocalDate today, int daysAhead) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement("""
                UPDATE eoffice_document SET reminded_on = ? WHERE state = ? AND deadline IS NOT NULL AND deadline <= ?
                    AND (reminded_on IS NULL OR reminded_on < ?) RETURNING id""")) {
            statement.setObject(1, today);
            statement.setString(2, DocumentState.IN_PROGRESS.name());
            statement.setObject(3, today.plusDays(daysAhead));
            statement.setObject(4, today);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        List<DocumentRecord> due = new ArrayList<>();
        for (long id : ids) {
            get(id).ifPresent(due::add);
        }
        return due;
    }

    // ---- the clerk's and leader's steps ----

    /** Registers (tiếp nhận) the document: the next số đến of its unit in the current year, and today as ngày đến. */
    public DocumentRecord register(long id, String actor) throws SQLException {
        return transition(id, actor, DocumentState.REGISTERED, "register", null, (connection, current) -> {
            LocalDate today = LocalDate.now(VIETNAM);
            int number;
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO eoffice_arrival_counter (unit_id, year, last_number) VALUES (?, ?, 1)
                    ON CONFLICT (unit_id, year) DO UPDATE SET last_number = eoffice_arrival_counter.last_number + 1
                    RETURNING last_number""")) {
                statement.setString(1, current.unitId());
                statement.setInt(2, today.getYear());
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    number = rows.getInt(1);
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE eoffice_document SET arrival_year = ?, arrival_number = ?, arrival_date = ? WHERE id = ?")) {
                statement.setInt(1, today.getYear());
                statement.setInt(2, number);
                statement.setObject(3, today);
                statement.setLong(4, id);
                statement.executeUpdate();
            }
            return "Số đến " + number + ", ngày đến " + today;
        });
    }

    public DocumentRecord returnToSender(long id, String actor, String reason) throws SQLException {
        requireText(reason, "Trả lại văn bản phải có lý do");
        return transition(id, actor, DocumentState.RETURNED, "return", reason,
            (connection, current) -> update(connection, id, "return_reason", reason));
    }

    public DocumentRecord present(long id, String actor, String leader) throws SQLException {
        requireText(leader, "Cần chỉ rõ lãnh đạo được trình");
        return transition(id, actor, DocumentState.PRESENTED, "present", "Trình " + leader,
            (connection, current) -> update(connection, id, "leader", leader));
    }

    /** The leader's ý kiến chỉ đạo: lead (chủ trì) and supporting (phối hợp) units or persons and a deadline. */
    public DocumentRecord direct(long id, String actor, String direction, String leadAssignee, String supportAssignees, LocalDate deadline)
        throws SQLException {
        requireText(leadAssignee, "Cần chỉ rõ đơn vị hoặc người chủ trì");
        return transition(id, actor, DocumentState.IN_PROGRESS, "direct", direction, (connection, current) -> {
            try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE eoffice_document SET direction = ?, lead_assignee = ?, support_assignees = ?, deadline = ? WHERE id = ?")) {
                statement.setString(1, direction);
                statement.setString(2, leadAssignee);
                statement.setString(3, supportAssignees);
                statement.setObject(4, deadline);
                statement.setLong(5, id);
                statement.executeUpdate();
            }
            return "Chủ trì: " + leadAssignee + (supportAssignees == null ? "" : "; phối hợp: " + supportAssignees)
                + (deadline == null ? "" : "; hạn xử lý: " + deadline) + (direction == null ? "" : "; ý kiến: " + direction);
        });
    }

    public DocumentRecord complete(long id, String actor, String note) throws SQLException {
        return transition(id, actor, DocumentState.COMPLETED, "complete", note,
            (connection, current) -> update(connection, id, "progress", note == null ? "Hoàn thành" : note));
    }

    /** Progress of an assignee; the state stays "đang xử lý". */
    public DocumentRecord recordProgress(long id, String actor, String note) throws SQLException {
        requireText(note, "Cần nội dung tiến độ");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                DocumentRecord current = lockedRecord(connection, id);
                if (current.state() != DocumentState.IN_PROGRESS) {
                    throw new StateChangeRefused("Chỉ ghi tiến độ cho văn bản đang xử lý (hiện: " + current.state().vietnamese() + ")");
                }
                update(connection, id, "progress", note);
                history(connection, id, actor, "progress", current.state(), current.state(), note);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        return get(id).orElseThrow();
    }

    /** The clerk corrects extracted metadata; a corrected field gets confidence 1. */
    public DocumentRecord correct(long id, String actor, Map<MetadataField, String> values) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                DocumentRecord current = lockedRecord(connection, id);
                DocumentMetadata metadata = current.metadata();
                for (Map.Entry<MetadataField, String> entry : values.entrySet()) {
                    String column = COLUMNS.get(entry.getKey());
                    Object value = entry.getKey() == MetadataField.PromulgationDate || entry.getKey() == MetadataField.DueDate
                        ? date(entry.getValue()) : blankToNull(entry.getValue());
                    try (PreparedStatement statement = connection.prepareStatement("UPDATE eoffice_document SET " + column + " = ? WHERE id = ?")) {
                        statement.setObject(1, value);
                        statement.setLong(2, id);
                        statement.executeUpdate();
                    }
                    metadata.set(entry.getKey(), value == null ? Field.absent(1.0) : new Field(value.toString(), 1.0));
                }
                try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE eoffice_document SET confidence = ?, secret = ? WHERE id = ?")) {
                    statement.setString(1, confidenceJson(metadata));
                    statement.setBoolean(2, metadata.secret());
                    statement.setLong(3, id);
                    statement.executeUpdate();
                }
                history(connection, id, actor, "correct", current.state(), current.state(), "Sửa: " + values.keySet());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        return get(id).orElseThrow();
    }

    /** Notes an event that is not a state change (acknowledgement sent, alert sent...). */
    public void note(long id, String actor, String action, String note) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DocumentRecord current = get(id).orElseThrow(() -> new StateChangeRefused("Không có văn bản #" + id));
            history(connection, id, actor, action, current.state(), current.state(), note);
        }
    }

    private interface StepWork {
        String apply(Connection connection, DocumentRecord current) throws SQLException;
    }

    private DocumentRecord transition(long id, String actor, DocumentState target, String action, String note, StepWork work)
        throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                DocumentRecord current = lockedRecord(connection, id);
                if (!current.state().canMoveTo(target)) {
                    throw new StateChangeRefused("Văn bản #" + id + " đang ở trạng thái '" + current.state().vietnamese()
                        + "', không thể chuyển sang '" + target.vietnamese() + "'");
                }
                String detail = work.apply(connection, current);
                try (PreparedStatement statement = connection.prepareStatement("UPDATE eoffice_document SET state = ? WHERE id = ?")) {
                    statement.setString(1, target.name());
                    statement.setLong(2, id);
                    statement.executeUpdate();
                }
                history(connection, id, actor, action, current.state(), target, detail == null ? note : detail);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        return get(id).orElseThrow();
    }

    private DocumentRecord lockedRecord(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM eoffice_document WHERE id = ? FOR UPDATE")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new StateChangeRefused("Không có văn bản #" + id);
                }
                return record(connection, rows);
            }
        }
    }

    private static String update(Connection connection, long id, String column, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE eoffice_document SET " + column + " = ? WHERE id = ?")) {
            statement.setString(1, value);
            statement.setLong(2, id);
            statement.executeUpdate();
        }
        return null;
    }

    private static void history(Connection connection, long id, String actor, String action, DocumentState from, DocumentState to, String note)
        throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
            "INSERT INTO eoffice_history (document, actor, action, from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?)")) {
            statement.setLong(1, id);
            statement.setString(2, actor);
            statement.setString(3, action);
            statement.setString(4, from == null ? null : from.name());
            statement.setString(5, to == null ? null : to.name());
            statement.setString(6, note);
            statement.executeUpdate();
        }
    }

    private static void requireText(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new StateChangeRefused(message);
        }
    }

    // ---- mapping ----

    private DocumentRecord record(Connection connection, ResultSet rows) throws SQLException {
        long id = rows.getLong("id");
        Map<String, Double> confidences = new java.util.HashMap<>();
        Matcher matcher = CONFIDENCE_ENTRY.matcher(rows.getString("confidence"));
        while (matcher.find()) {
            confidences.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        DocumentMetadata metadata = new DocumentMetadata();
        for (Map.Entry<MetadataField, String> column : COLUMNS.entrySet()) {
            Object value = rows.getObject(column.getValue());
            String text = value == null ? null : value instanceof Date sqlDate ? sqlDate.toLocalDate().toString() : value.toString();
            double confidence = confidences.getOrDefault(column.getKey().name(), 0.0);
            metadata.set(column.getKey(), text == null ? Field.absent(confidence) : new Field(text, confidence));
        }
        List<StoredAttachment> attachments = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
            "SELECT id, name, content_type, size, sha256 FROM eoffice_attachment WHERE document = ? ORDER BY id")) {
            statement.setLong(1, id);
            try (ResultSet files = statement.executeQuery()) {
                while (files.next()) {
                    attachments.add(new StoredAttachment(files.getLong(1), id, files.getString(2), files.getString(3), files.getLong(4),
                        files.getString(5)));
                }
            }
        }
        return new DocumentRecord(id, rows.getString("unit_id"), DocumentState.valueOf(rows.getString("state")), rows.getString("source"),
            rows.getString("document_id"), rows.getString("sender_organ_id"), metadata, rows.getString("sender_address"),
            rows.getString("sender_name"), rows.getString("mail_message_id"), rows.getString("mail_subject"),
            rows.getObject("mail_date", OffsetDateTime.class), rows.getObject("received_at", OffsetDateTime.class), rows.getBoolean("secret"),
            (Long) rows.getObject("duplicate_of"), rows.getString("duplicate_reason"), (Integer) rows.getObject("arrival_number"),
            localDate(rows.getDate("arrival_date")), rows.getString("return_reason"), rows.getString("leader"), rows.getString("direction"),
            rows.getString("lead_assignee"), rows.getString("support_assignees"), localDate(rows.getDate("deadline")),
            rows.getString("progress"), rows.getString("trace_headers"), (Integer) rows.getObject("business_doc_type"),
            rows.getString("response_for_document_id"), List.copyOf(attachments));
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static DocumentState state(String name) {
        return name == null ? null : DocumentState.valueOf(name);
    }

    private static LocalDate date(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(iso.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new StateChangeRefused("Ngày không hợp lệ (cần yyyy-MM-dd): " + iso);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String confidenceJson(DocumentMetadata metadata) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<MetadataField, Field> entry : metadata.asMap().entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(entry.getKey().name()).append("\":").append(String.format(Locale.ROOT, "%.2f", entry.getValue().confidence()));
        }
        return json.append('}').toString();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Timestamp timestamp(OffsetDateTime time) {
        return time == null ? null : Timestamp.from(time.toInstant());
    }
}
