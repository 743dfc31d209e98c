package vn.govmail.spamfilter.steps;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

import vn.govmail.spamfilter.Action;
import vn.govmail.spamfilter.ParsedMessage;
import vn.govmail.spamfilter.RuleHit;
import vn.govmail.spamfilter.ScanContext;
import vn.govmail.spamfilter.ScanStep;
import vn.govmail.spamfilter.SpamFilterSettings;

/**
 * Attachments: the real type (Apache Tika, by content) against the name, executables, double extensions,
 * macro-enabled Office files, executables and encryption inside ZIP archives. What each finding forces is
 * configurable per type with {@code spam.attachment.action.RULE} (DELIVER/JUNK/QUARANTINE/REJECT).
 */
public final class AttachmentStep implements ScanStep {
    private static final Set<String> EXECUTABLE_EXTENSIONS = Set.of(
            "exe", "scr", "com", "pif", "bat", "cmd", "vbs", "vbe", "js", "jse", "wsf", "wsh", "hta", "ps1", "msi",
            "jar", "lnk", "cpl", "reg", "dll", "sys", "apk", "iso", "img");
    private static final Set<String> MACRO_EXTENSIONS = Set.of("docm", "dotm", "xlsm", "xltm", "xlam", "pptm", "potm", "ppsm");
    private static final Pattern DOUBLE_EXTENSION = Pattern.compile(
            "(?i)\\.(pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|txt|rtf|zip|rar)\\s*\\.[a-z0-9]{2,4}$");
    private static final byte[] VBA_OLE = "_VBA_PROJECT".getBytes(StandardCharsets.UTF_16LE);

    /** Tika's magic-byte detector, used directly on the in-memory bytes (no TikaInputStream, no temp files). */
    private static final MimeTypes MIME_TYPES = MimeTypes.getDefaultMimeTypes();
    private final SpamFilterSettings settings;

    public AttachmentStep(SpamFilterSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "attachments";
    }

    @Override
    public void apply(ScanContext context) throws IOException {
        for (ParsedMessage.Attachment attachment : context.message().attachments()) {
            String fileName = attachment.fileName() == null ? "" : attachment.fileName().trim();
            String extension = extension(fileName);
            MediaType realType = MIME_TYPES.detect(new BufferedInputStream(new ByteArrayInputStream(attachment.content())), new Metadata());
            boolean executableContent = isExecutableType(realType);
            if (EXECUTABLE_EXTENSIONS.contains(extension)) {
                hit(context, "ATTACH_EXECUTABLE", fileName + " is executable", Action.REJECT);
            } else if (executableContent) {
                hit(context, "ATTACH_TYPE_MISMATCH", fileName + " is really " + realType, Action.REJECT);
            }
            if (DOUBLE_EXTENSION.matcher(fileName).find() && !fileName.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                hit(context, "ATTACH_DOUBLE_EXTENSION", fileName, Action.REJECT);
            }
            if (MACRO_EXTENSIONS.contains(extension) || containsVbaProject(realType, attachment.content())) {
                hit(context, "ATTACH_MACRO_OFFICE", fileName + " contains macros", Action.QUARANTINE);
            }
            if ("zip".equals(realType.getSubtype()) || realType.toString().startsWith("application/vnd.openxmlformats")
                    || realType.toString().equals("application/java-archive")) {
                inspectZip(context, fileName, attachment.content());
            }
        }
    }

    private void inspectZip(ScanContext context, String fileName, byte[] zip) {
        ZipEntries entries = ZipEntries.read(zip);
        if (entries.names().stream().anyMatch(name -> EXECUTABLE_EXTENSIONS.contains(extension(name)))) {
            hit(context, "ATTACH_ARCHIVE_EXECUTABLE", fileName + " contains an executable", Action.REJECT);
        }
        if (entries.names().stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))) {
            hit(context, "ATTACH_MACRO_OFFICE", fileName + " contains macros", Action.QUARANTINE);
        }
        if (entries.encrypted()) {
            hit(context, "ATTACH_ENCRYPTED_ARCHIVE", fileName + " is encrypted", null);
        }
    }

    private static boolean containsVbaProject(MediaType type, byte[] content) {
        return type.toString().startsWith("application/x-tika-msoffice") || type.toString().startsWith("application/msword")
                || type.toString().startsWith("application/vnd.ms-") ? indexOf(content, VBA_OLE) >= 0 : false;
    }

    private static boolean isExecutableType(MediaType type) {
        String name = type.getBaseType().toString();
        return name.equals("application/x-dosexec") || name.equals("application/x-msdownload")
                || name.startsWith("application/x-msdownload") || name.equals("application/x-executable")
                || name.equals("application/x-elf") || name.equals("application/x-sharedlib")
                || name.startsWith("application/x-mach-o") || name.equals("application/x-ms-installer")
                || name.equals("application/x-msi");
    }

    private void hit(ScanContext context, String rule, String detail, Action defaultAction) {
        String configured = settings.get("spam.attachment.action." + rule, defaultAction == null ? "" : defaultAction.name());
        Action forced = configured.isEmpty() ? null : Action.valueOf(configured.toUpperCase(Locale.ROOT));
        context.hit(new RuleHit(rule, settings.score(rule), detail, forced));
    }

    static String extension(String fileName) {
        String name = fileName.trim().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
