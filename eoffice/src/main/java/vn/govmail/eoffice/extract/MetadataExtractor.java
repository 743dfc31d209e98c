package vn.govmail.eoffice.extract;

import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.govmail.eoffice.DocumentMetadata;
import vn.govmail.eoffice.Field;
import vn.govmail.eoffice.MetadataField;
import vn.govmail.eoffice.mail.MailAttachment;
import vn.govmail.eoffice.mail.MailMessage;

/**
 * Reads the metadata of an official document out of an ordinary mail, by the presentation rules of Nghị định 30
 * Phụ lục I: the document itself (an attachment or the body) is read first; the mail subject and sender only fill
 * what the document does not show, with a lower confidence.
 */
public final class MetadataExtractor {
    /** Read from the document's own layout. */
    static final double FROM_DOCUMENT = 0.95;
    /** Agreed by the document and the mail subject. */
    static final double CONFIRMED = 0.99;
    /** Derived by a rule from another field (e.g. the type from the notation). */
    static final double DERIVED = 0.75;
    /** Only the mail subject says so. */
    static final double FROM_MAIL_SUBJECT = 0.6;
    /** Only the sender's display name says so. */
    static final double FROM_SENDER = 0.35;

    private static final Pattern NUMBER_LINE = Pattern.compile(
        "^Số\\s*[:.]?\\s*(\\d{1,7})\\s*/\\s*((?:\\d{4}\\s*/\\s*)?\\p{L}[\\p{L}\\d]*(?:\\s*[-/]\\s*[\\p{L}\\d]+)*)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NUMBER_ANYWHERE = Pattern.compile(
        "(?<![\\d/])(\\d{1,7})/((?:\\d{4}/)?\\p{Lu}[\\p{L}\\d]*(?:-[\\p{L}\\d]+)+|\\p{Lu}{2,}[\\p{L}\\d]*)(?![\\p{L}\\d-])");
    private static final Pattern DATE_LINE = Pattern.compile(
        "^(\\p{Lu}[\\p{L}.' ]{1,50}?)\\s*,\\s*ngày\\s*(\\d{1,2})\\s*tháng\\s*(\\d{1,2})\\s*năm\\s*(\\d{4})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SUBJECT_DATE = Pattern.compile("ngày\\s+(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern REGARDING = Pattern.compile("^(?:V/v|Về việc)\\s*:?\\s*(.+)$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MARKING = Pattern.compile("^(?:(?:Độ|Mức độ)\\s+(?:khẩn|mật)\\s*:\\s*)?(HỎA TỐC|HOẢ TỐC|THƯỢNG KHẨN|KHẨN|TUYỆT MẬT|TỐI MẬT|MẬT)$",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SUBJECT_TAG = Pattern.compile("\\[\\s*(HỎA TỐC|HOẢ TỐC|THƯỢNG KHẨN|KHẨN|TUYỆT MẬT|TỐI MẬT|MẬT)\\s*]",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PERSON_NAME = Pattern.compile("^\\p{Lu}\\p{Ll}*(?: \\p{Lu}\\p{Ll}*){1,5}$");
    private static final Pattern SIGNED_NOTE = Pattern.compile("^\\(?(?:Đã ký|đã ký|Ký|ký)(?: số)?\\)?$");
    private static final Pattern ORGANISATION_START = Pattern.compile(
        "^(SỞ|ỦY BAN|UỶ BAN|UBND|BAN|PHÒNG|TRUNG TÂM|VĂN PHÒNG|CỤC|CHI CỤC|BỘ|TỔNG CỤC|HỘI ĐỒNG|HĐND|CÔNG AN|BỘ CHỈ HUY|THANH TRA|"
            + "TRƯỜNG|BỆNH VIỆN|ĐÀI|BÁO|VIỆN|KHO BẠC|CHI NHÁNH|ĐẢNG ỦY|ĐOÀN|HỘI|LIÊN ĐOÀN|TÒA ÁN|VIỆN KIỂM SÁT|CÔNG TY|BQL)(?:\\s.*|$)");
    private static final Pattern CLOSING_HEADINGS = Pattern.compile("^(Kính gửi|Căn cứ|Thực hiện|Nơi nhận|Theo đề nghị)\\b.*",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final AttachmentText attachmentText;

    public MetadataExtractor(AttachmentText attachmentText) {
        this.attachmentText = attachmentText;
    }

    /** The result of reading one mail: its metadata, the document text, and whether it carries a document at all. */
    public record Extraction(DocumentMetadata metadata, String documentText, boolean isDocument) {
    }

    public Extraction extract(MailMessage mail) {
        List<String> candidates = new ArrayList<>();
        for (MailAttachment attachment : mail.attachments()) {
            if (AttachmentText.isDocument(attachment.fileName(), attachment.contentType())) {
                candidates.add(attachmentText.extract(attachment.fileName(), attachment.contentType(), attachment.content()));
            }
        }
        candidates.add(mail.textBody() == null ? "" : mail.textBody());
        String best = candidates.stream().max((a, b) -> Integer.compare(layoutScore(a), layoutScore(b))).orElse("");
        String subject = mail.subject() == null ? "" : mail.subject().strip().replaceAll("\\s+", " ");
        DocumentMetadata metadata = read(new DocumentText(best), subject, mail.fromName());
        // The document itself must show the layout of Nghị định 30 (national title or number line): a mail that only
        // quotes a number in its subject (a receipt, a reply, a forward note) is not an incoming document.
        boolean isDocument = metadata.get(MetadataField.CodeNumber).present() && layoutScore(best) >= 2;
        StringBuilder allText = new StringBuilder(best);
        for (String other : candidates) {
            if (other != best && !other.isBlank()) {
                allText.append("\n\n").append(other);
            }
        }
        return new Extraction(metadata, allText.toString(), isDocument);
    }

    /** How much a text looks like an official document: national title, number line, place-and-date line. */
    static int layoutScore(String text) {
        DocumentText document = new DocumentText(text);
        int score = document.nationalTitle() >= 0 ? 2 : 0;
        for (String line : document.lines) {
            if (NUMBER_LINE.matcher(line).find()) {
                score += 2;
                break;
            }
        }
        for (String line : document.lines) {
            if (DATE_LINE.matcher(line).find()) {
                score += 1;
                break;
            }
        }
        return score;
    }

    DocumentMetadata read(DocumentText document, String mailSubject, String senderName) {
        DocumentMetadata metadata = new DocumentMetadata();
        int numberLine = numberAndNotation(document, mailSubject, metadata);
        placeAndDate(document, mailSubject, metadata);
        organisation(document, numberLine, senderName, metadata);
        typeAndSubject(document, mailSubject, metadata);
        markings(document, mailSubject, metadata);
        signer(document, metadata);
        recipients(document, metadata);
        return metadata;
    }

    private int numberAndNotation(DocumentText document, String mailSubject, DocumentMetadata metadata) {
        Matcher inSubject = NUMBER_ANYWHERE.matcher(mailSubject);
        String subjectNumber = inSubject.find() ? inSubject.group(1) + "/" + inSubject.group(2) : null;
        for (int i = 0; i < document.lines.size(); i++) {
            Matcher matcher = NUMBER_LINE.matcher(document.lines.get(i));
            if (matcher.find()) {
                String number = stripLeadingZeros(matcher.group(1));
                String notation = matcher.group(2).replaceAll("\\s+", "");
                double confidence = (number + "/" + notation).equals(subjectNumber == null ? null : stripLeadingZeros(subjectNumber))
                    ? CONFIRMED : FROM_DOCUMENT;
                metadata.set(MetadataField.CodeNumber, Field.of(number, confidence));
                metadata.set(MetadataField.CodeNotation, Field.of(notation, confidence));
                return i;
            }
        }
        if (subjectNumber != null) {
            metadata.set(MetadataField.CodeNumber, Field.of(stripLeadingZeros(inSubject.group(1)), FROM_MAIL_SUBJECT));
            metadata.set(MetadataField.CodeNotation, Field.of(inSubject.group(2), FROM_MAIL_SUBJECT));
        }
        return -1;
    }

    /** "05" is written with a leading zero by the rules, but the number is 5 in registers. */
    private static String stripLeadingZeros(String number) {
        return number.replaceFirst("^0+(?=\\d)", "");
    }

    private void placeAndDate(DocumentText document, String mailSubject, DocumentMetadata metadata) {
        for (String line : document.lines) {
            Matcher matcher = DATE_LINE.matcher(line);
            if (matcher.find()) {
                Optional<LocalDate> date = date(matcher.group(4), matcher.group(3), matcher.group(2));
                if (date.isPresent()) {
                    metadata.set(MetadataField.Place, Field.of(matcher.group(1), FROM_DOCUMENT));
                    metadata.set(MetadataField.PromulgationDate, Field.of(date.get().toString(), FROM_DOCUMENT));
                    return;
                }
            }
        }
        Matcher inSubject = SUBJECT_DATE.matcher(mailSubject);
        if (inSubject.find()) {
            date(inSubject.group(3), inSubject.group(2), inSubject.group(1))
                .ifPresent(date -> metadata.set(MetadataField.PromulgationDate, Field.of(date.toString(), FROM_MAIL_SUBJECT)));
        }
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The issuing body is the last upper-case line of the header above the national title (or the number line):
     * the line above it, if any, is the parent body (cơ quan chủ quản). A name wrapped over two lines is joined.
     */
    private void organisation(DocumentText document, int numberLine, String senderName, DocumentMetadata metadata) {
        int title = document.nationalTitle();
        int end = title >= 0 ? title : numberLine;
        if (title >= 0 && numberLine >= 0) {
            end = Math.min(title, numberLine);
        }
        List<String> header = new ArrayList<>();
        for (int i = 0; i < Math.max(end, 0); i++) {
            String line = document.lines.get(i);
            if (DocumentText.upperCase(line) && !MARKING.matcher(line).matches()) {
                header.add(line);
            } else {
                header.clear(); // only the block directly above the title counts
            }
        }
        if (!header.isEmpty()) {
            String last = header.get(header.size() - 1);
            if (header.size() >= 2 && !ORGANISATION_START.matcher(DocumentTypes.canonical(last)).matches()
                && ORGANISATION_START.matcher(DocumentTypes.canonical(header.get(header.size() - 2))).matches()) {
                last = header.get(header.size() - 2) + " " + last;
            }
            metadata.set(MetadataField.OrganName, Field.of(last, FROM_DOCUMENT));
        } else if (senderName != null && !senderName.isBlank()) {
            metadata.set(MetadataField.OrganName, Field.of(senderName, FROM_SENDER));
        }
    }

    private void typeAndSubject(DocumentText document, String mailSubject, DocumentMetadata metadata) {
        int start = Math.max(document.nationalTitle(), 0);
        int limit = Math.min(document.lines.size(), start + 20);
        for (int i = start; i < limit; i++) {
            String line = document.lines.get(i);
            if (CLOSING_HEADINGS.matcher(line).matches()) {
                break;
            }
            Optional<String> type = DocumentText.upperCase(line) ? DocumentTypes.byHeading(line) : Optional.empty();
            if (type.isPresent() && i + 1 < document.lines.size()) {
                metadata.set(MetadataField.TypeName, Field.of(type.get(), FROM_DOCUMENT));
                metadata.set(MetadataField.Subject, Field.of(abstractLine(document, i + 1), FROM_DOCUMENT));
                return;
            }
        }
        for (int i = 0; i < limit; i++) {
            Matcher regarding = REGARDING.matcher(document.lines.get(i));
            if (regarding.matches()) {
                String notation = metadata.value(MetadataField.CodeNotation);
                metadata.set(MetadataField.TypeName, Field.of(DocumentTypes.byNotation(notation).orElse(DocumentTypes.CONG_VAN), FROM_DOCUMENT));
                metadata.set(MetadataField.Subject, Field.of(lowerFirst(regarding.group(1)), FROM_DOCUMENT));
                return;
            }
        }
        String notation = metadata.value(MetadataField.CodeNotation);
        if (notation != null) {
            metadata.set(MetadataField.TypeName, Field.of(DocumentTypes.byNotation(notation).orElse(DocumentTypes.CONG_VAN), DERIVED));
        }
        subjectFromMail(mailSubject).ifPresent(subject -> metadata.set(MetadataField.Subject, Field.of(subject, FROM_MAIL_SUBJECT)));
    }

    /** The abstract under a type heading; a "V/v" form is accepted too. */
    private static String abstractLine(DocumentText document, int index) {
        String line = document.lines.get(index);
        Matcher regarding = REGARDING.matcher(line);
        return lowerFirst(regarding.matches() ? regarding.group(1) : line);
    }

    /** "V/v tăng cường ... (351/QĐ-STTTT)" or "Kế hoạch 414/KH-STTTT: phòng, chống ..." → the abstract. */
    static Optional<String> subjectFromMail(String subject) {
        String text = SUBJECT_TAG.matcher(subject).replaceAll("").strip();
        text = text.replaceAll("^(?i)(?:Fwd?|Tr|RE|TL)\\s*:\\s*", "");
        Matcher regarding = REGARDING.matcher(text);
        if (regarding.matches()) {
            return Optional.of(lowerFirst(regarding.group(1).replaceAll("\\s*\\([^)]*\\d+/[^)]*\\)\\s*$", "")));
        }
        int colon = text.indexOf(':');
        if (colon > 0 && NUMBER_ANYWHERE.matcher(text.substring(0, colon)).find() && colon + 1 < text.length()) {
            return Optional.of(lowerFirst(text.substring(colon + 1).strip()));
        }
        return Optional.empty();
    }

    /** Abstracts are quoted in lower case after the type ("Quyết định về việc tăng cường ..."), acronyms kept. */
    static String lowerFirst(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return trimmed;
        }
        String firstWord = trimmed.split("\\s+")[0];
        if (firstWord.length() > 1 && DocumentText.upperCase(firstWord)) {
            return trimmed;
        }
        return trimmed.substring(0, 1).toLowerCase(DocumentText.VIETNAMESE) + trimmed.substring(1);
    }

    private void markings(DocumentText document, String mailSubject, DocumentMetadata metadata) {
        String urgency = null;
        String secrecy = null;
        double urgencyConfidence = FROM_DOCUMENT;
        double secrecyConfidence = FROM_DOCUMENT;
        int limit = Math.min(document.lines.size(), Math.max(document.nationalTitle(), 0) + 25);
        for (int i = 0; i < limit; i++) {
            Matcher matcher = MARKING.matcher(document.lines.get(i));
            if (matcher.matches()) {
                String word = canonicalMarking(matcher.group(1));
                if (word.endsWith("ật")) {
                    secrecy = secrecy == null ? word : secrecy;
                } else {
                    urgency = urgency == null ? word : urgency;
                }
            }
        }
        Matcher tag = SUBJECT_TAG.matcher(mailSubject);
        while (tag.find()) {
            String word = canonicalMarking(tag.group(1));
            if (word.endsWith("ật") && secrecy == null) {
                secrecy = word;
                secrecyConfidence = FROM_MAIL_SUBJECT;
            } else if (!word.endsWith("ật") && urgency == null) {
                urgency = word;
                urgencyConfidence = FROM_MAIL_SUBJECT;
            }
        }
        // Absence is read as confidently as presence: the marking has a fixed place in the header.
        metadata.set(MetadataField.Priority, urgency == null ? Field.absent(0.9) : Field.of(urgency, urgencyConfidence));
        metadata.set(MetadataField.Secrecy, secrecy == null ? Field.absent(0.9) : Field.of(secrecy, secrecyConfidence));
    }

    /** An edXML Subject may still carry the "V/v": the register keeps the abstract only. */
    public static String withoutRegarding(String subject) {
        Matcher regarding = REGARDING.matcher(subject.strip());
        return regarding.matches() ? regarding.group(1).strip() : subject.strip();
    }

    /** The secrecy marking of a document text (a line of its own) or of the mail subject tag, or absent. */
    public Field secrecyOf(String documentText, String mailSubject) {
        DocumentMetadata metadata = new DocumentMetadata();
        markings(new DocumentText(documentText), mailSubject == null ? "" : mailSubject, metadata);
        return metadata.get(MetadataField.Secrecy);
    }

    /** "THƯỢNG KHẨN" → "Thượng khẩn"; "HOẢ TỐC" → "Hỏa tốc". */
    static String canonicalMarking(String word) {
        String upper = DocumentTypes.canonical(word);
        String lower = upper.toLowerCase(DocumentText.VIETNAMESE);
        return lower.substring(0, 1).toUpperCase(DocumentText.VIETNAMESE) + lower.substring(1);
    }

    /** The signer is the last personal name that stands under an upper-case position line (chức vụ). */
    private void signer(DocumentText document, DocumentMetadata metadata) {
        for (int i = document.lines.size() - 1; i > 0; i--) {
            String line = document.lines.get(i);
            if (!PERSON_NAME.matcher(line).matches()) {
                continue;
            }
            int above = i - 1;
            while (above > 0 && SIGNED_NOTE.matcher(document.lines.get(above)).matches()) {
                above--;
            }
            String position = document.lines.get(above);
            if (DocumentText.upperCase(position) && !DocumentText.upperCase(line)) {
                metadata.set(MetadataField.SignerFullName, Field.of(line, FROM_DOCUMENT - 0.05));
                metadata.set(MetadataField.SignerPosition, Field.of(position, FROM_DOCUMENT - 0.05));
                return;
            }
        }
    }

    private void recipients(DocumentText document, DocumentMetadata metadata) {
        for (int i = 0; i < document.lines.size(); i++) {
            if (document.lines.get(i).toLowerCase(Locale.ROOT).startsWith("nơi nhận")) {
                List<String> places = new ArrayList<>();
                for (int j = i + 1; j < document.lines.size() && document.lines.get(j).matches("^[-+•].*"); j++) {
                    places.add(document.lines.get(j).replaceFirst("^[-+•]\\s*", "").replaceAll("[;.,]$", ""));
                }
                metadata.set(MetadataField.ToPlaces, Field.of(String.join("; ", places), FROM_DOCUMENT - 0.1));
                return;
            }
        }
    }
}
