package vn.govmail.webmail.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.ParameterList;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.angus.mail.imap.protocol.BODYSTRUCTURE;

/**
 * One node of a message's MIME tree as the reader needs it, built either from the server's BODYSTRUCTURE
 * (nothing downloaded; {@link #section} says which IMAP body section holds the bytes) or, as a fallback, from a
 * message parsed here ({@link #local} holds the bytes).
 *
 * @param baseType lower-case "type/subtype"
 * @param charset the charset parameter, null when absent or when the Content-Type does not parse
 * @param size encoded size in bytes, -1 when unknown
 */
record MimeNode(String baseType, String charset, String disposition, String fileName, String contentId, String encoding,
                int size, String section, Part local, List<MimeNode> children) {

    boolean isMultipart() {
        return baseType.startsWith("multipart/");
    }

    boolean is(String type) {
        return type.endsWith("/*") ? baseType.startsWith(type.substring(0, type.length() - 1)) : baseType.equals(type);
    }

    /** The decoded size (base64 is 4/3 of the content), -1 when unknown. */
    long estimatedSize() {
        if (size < 0) {
            return -1;
        }
        return "base64".equalsIgnoreCase(encoding) ? size * 3L / 4 : size;
    }

    /**
     * The tree of a BODYSTRUCTURE. Section numbers follow RFC 3501: children of a multipart are 1, 2, … below
     * their parent's number; a message that is not multipart has its body in section TEXT.
     */
    static MimeNode of(BODYSTRUCTURE structure) {
        return of(structure, null);
    }

    private static MimeNode of(BODYSTRUCTURE structure, String section) {
        String type = (lower(structure.type, "text") + "/" + lower(structure.subtype, "plain"));
        List<MimeNode> children = new ArrayList<>();
        if (structure.isMulti() && structure.bodies != null) {
            for (int i = 0; i < structure.bodies.length; i++) {
                children.add(of(structure.bodies[i], section == null ? Integer.toString(i + 1) : section + "." + (i + 1)));
            }
        }
        String fileName = parameter(structure.dParams, "filename");
        if (fileName == null || fileName.isEmpty()) {
            fileName = parameter(structure.cParams, "name");
        }
        return new MimeNode(type, parameter(structure.cParams, "charset"), structure.disposition, fileName, structure.id,
            structure.encoding, structure.size, section == null ? "TEXT" : section, null, List.copyOf(children));
    }

    /** The tree of a message parsed here (the fallback when the server's BODYSTRUCTURE cannot be used). */
    static MimeNode of(Part part) throws MessagingException, IOException {
        String contentType = part.getContentType();
        String baseType;
        String charset = null;
        try {
            ContentType parsed = new ContentType(contentType == null ? "text/plain" : contentType);
            baseType = parsed.getBaseType().toLowerCase(Locale.ROOT);
            charset = parsed.getParameter("charset");
        } catch (ParseException broken) {
            // a broken Content-Type: keep the type before the parameters; the charset is then guessed from the bytes
            String head = contentType.contains(";") ? contentType.substring(0, contentType.indexOf(';')) : contentType;
            baseType = head.strip().toLowerCase(Locale.ROOT);
        }
        List<MimeNode> children = new ArrayList<>();
        if (baseType.startsWith("multipart/") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                children.add(of(multipart.getBodyPart(i)));
            }
        }
        MimePart mime = part instanceof MimePart m ? m : null;
        return new MimeNode(baseType, charset, part.getDisposition(), part.getFileName(), mime == null ? null : mime.getContentID(),
            mime == null ? null : mime.getEncoding(), part.getSize(), null, part, List.copyOf(children));
    }

    private static String lower(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.toLowerCase(Locale.ROOT);
    }

    private static String parameter(ParameterList parameters, String name) {
        return parameters == null ? null : parameters.get(name);
    }
}
