package vn.govmail.eoffice.edxml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Parses and validates edXML (QCVN 102:2016) document and status packages. The XML parser refuses DTDs and
 * external entities (a package comes from outside). Child elements are matched by local name, because packages in
 * the wild mix the edXML prefix and the default namespace; the envelope itself must be in the edXML namespace.
 */
public final class EdxmlParser {
    public static final String NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    static final int MAX_ORGAN_ID = 13;
    static final int MAX_SUBJECT = 500;
    static final int MAX_ATTACHMENT_NAME = 200;
    private static final DateTimeFormatter WIRE_DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");

    /** Whether these bytes look like an edXML file at all (before parsing it). */
    public static boolean looksLikeEdxml(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8);
        return head.contains(NAMESPACE) || head.contains("edXMLEnvelope");
    }

    public EdxmlMessage parse(byte[] xml) throws EdxmlRejectedException {
        try {
            return parseValidated(xml);
        } catch (IllegalArgumentException e) {
            throw new EdxmlRejectedException(e.getMessage());
        }
    }

    private EdxmlMessage parseValidated(byte[] xml) throws EdxmlRejectedException {
        Element envelope = envelope(document(xml));
        Element header = required(envelope, "edXMLHeader", "N.edXMLHeader");
        Optional<Element> status = child(header, "Status").or(() -> child(header, "MessageStatus"));
        if (status.isPresent()) {
            return status(status.get());
        }
        Element messageHeader = required(header, "MessageHeader", "N.MessageHeader");
        return documentPackage(envelope, header, messageHeader);
    }

    private static Document document(byte[] xml) throws EdxmlRejectedException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException exception) {
                }

                @Override
                public void error(SAXParseException exception) throws SAXParseException {
                    throw exception;
                }

                @Override
                public void fatalError(SAXParseException exception) throws SAXParseException {
                    throw exception;
                }
            });
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            throw new EdxmlRejectedException("X.XML: gói tin không phải XML hợp lệ (dòng " + e.getLineNumber() + "): " + e.getMessage());
        } catch (Exception e) {
            throw new EdxmlRejectedException("X.XML: không đọc được gói tin: " + e.getMessage());
        }
    }

    private static Element envelope(Document document) throws EdxmlRejectedException {
        Element root = document.getDocumentElement();
        Element envelope = "edXMLEnvelope".equals(root.getLocalName()) ? root : child(root, "edXMLEnvelope").orElse(null);
        if (envelope == null) {
            throw new EdxmlRejectedException("N.edXMLEnvelope: thiếu phần tử edXMLEnvelope (gốc là <" + root.getNodeName() + ">)");
        }
        if (!NAMESPACE.equals(envelope.getNamespaceURI())) {
            throw new EdxmlRejectedException("X.Namespace: edXMLEnvelope phải thuộc namespace " + NAMESPACE + " (gặp "
                + envelope.getNamespaceURI() + ")");
        }
        return envelope;
    }

    private EdxmlPackage documentPackage(Element envelope, Element header, Element messageHeader) throws EdxmlRejectedException {
        Organization from = organization(required(messageHeader, "From", "N.From"), "From");
        List<Organization> to = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Element element : children(messageHeader, "To")) {
            Organization organization = organization(element, "To");
            if (!seen.add(organization.organId())) {
                throw new EdxmlRejectedException("R.To: OrganId " + organization.organId() + " lặp lại trong danh sách nơi nhận");
            }
            to.add(organization);
        }
        if (to.isEmpty()) {
            throw new EdxmlRejectedException("N.To: gói tin phải có ít nhất một cơ quan nhận (To)");
        }
        Element code = required(messageHeader, "Code", "N.Code");
        String codeNumber = requiredText(code, "CodeNumber");
        String codeNotation = requiredText(code, "CodeNotation");
        if (!codeNumber.matches("\\d{1,11}")) {
            throw new EdxmlRejectedException("R.CodeNumber: số văn bản phải là chữ số (gặp '" + codeNumber + "')");
        }
        Element promulgation = required(messageHeader, "PromulgationInfo", "N.PromulgationInfo");
        LocalDate promulgationDate = date(requiredText(promulgation, "PromulgationDate"), "PromulgationDate");
        Element documentType = required(messageHeader, "DocumentType", "N.DocumentType");
        String subject = requiredText(messageHeader, "Subject");
        if (subject.length() > MAX_SUBJECT) {
            throw new EdxmlRejectedException("R.Subject: trích yếu dài " + subject.length() + " ký tự, tối đa " + MAX_SUBJECT);
        }
        Optional<Element> signer = child(messageHeader, "SignerInfo");
        Optional<String> due = text(messageHeader, "DueDate");
        List<String> toPlaces = new ArrayList<>();
        child(messageHeader, "ToPlaces").ifPresent(places -> children(places, "Place").forEach(place -> {
            if (!place.getTextContent().isBlank()) {
                toPlaces.add(place.getTextContent().strip());
            }
        }));
        int priority = child(messageHeader, "OtherInfo").flatMap(info -> text(info, "Priority"))
            .map(value -> integer(value, "Priority")).orElse(0);
        if (priority < 0 || priority > 3) {
            throw new EdxmlRejectedException("R.Priority: độ khẩn phải từ 0 đến 3 (gặp " + priority + ")");
        }
        ResponseFor responseFor = child(messageHeader, "ResponseFor").map(EdxmlParser::responseFor).orElse(null);
        String documentId = text(messageHeader, "DocumentId").orElse(from.organId() + "," + promulgationDate.format(WIRE_DATE) + ","
            + codeNumber + "/" + codeNotation);
        List<TraceHeader> traces = new ArrayList<>();
        Integer businessDocType = null;
        String businessDocReason = null;
        Optional<Element> traceList = child(header, "TraceHeaderList");
        if (traceList.isPresent()) {
            for (Element trace : children(traceList.get(), "TraceHeader")) {
                traces.add(new TraceHeader(text(trace, "OrganId").orElse(null), text(trace, "Timestamp").orElse(null)));
            }
            Optional<Element> business = child(traceList.get(), "Bussiness").or(() -> child(traceList.get(), "Business"));
            if (business.isPresent()) {
                businessDocType = text(business.get(), "BussinessDocType").map(value -> integer(value, "BussinessDocType")).orElse(null);
                businessDocReason = text(business.get(), "BussinessDocReason").orElse(null);
            }
        }
        return new EdxmlPackage(from, List.copyOf(to), codeNumber, codeNotation, text(promulgation, "Place").orElse(null),
            promulgationDate, text(documentType, "Type").map(value -> integer(value, "Type")).orElse(null),
            text(documentType, "TypeName").orElse(null), subject, text(messageHeader, "Content").orElse(null),
            signer.flatMap(s -> text(s, "Competence")).orElse(null), signer.flatMap(s -> text(s, "Position")).orElse(null),
            signer.flatMap(s -> text(s, "FullName")).orElse(null), due.isPresent() ? date(due.get(), "DueDate") : null,
            List.copyOf(toPlaces), priority, documentId, responseFor,
            text(messageHeader, "SteeringType").map(value -> integer(value, "SteeringType")).orElse(null),
            List.copyOf(traces), businessDocType, businessDocReason, attachments(envelope));
    }

    private static List<EdxmlAttachment> attachments(Element envelope) throws EdxmlRejectedException {
        // AttachmentEncoded is a sibling of the envelope under the edXML root (SDK layout), or inside the body.
        Element root = envelope.getOwnerDocument().getDocumentElement();
        List<EdxmlAttachment> attachments = new ArrayList<>();
        for (Element encoded : descendants(root, "AttachmentEncoded")) {
            for (Element attachment : children(encoded, "Attachment")) {
                String name = text(attachment, "AttachmentName").orElseThrow(() -> new EdxmlRejectedException(
                    "N.AttachmentName: tệp đính kèm thiếu tên"));
                if (name.length() > MAX_ATTACHMENT_NAME) {
                    throw new EdxmlRejectedException("R.AttachmentName: tên tệp dài " + name.length() + " ký tự, tối đa " + MAX_ATTACHMENT_NAME);
                }
                String encodedContent = text(attachment, "ContentTransferEncoded").orElseThrow(() -> new EdxmlRejectedException(
                    "N.ContentTransferEncoded: tệp " + name + " không có nội dung"));
                byte[] content;
                try {
                    content = Base64.getMimeDecoder().decode(encodedContent.replaceAll("\\s", ""));
                } catch (IllegalArgumentException e) {
                    throw new EdxmlRejectedException("M.ContentTransferEncoded: nội dung tệp " + name + " không phải base64 hợp lệ");
                }
                attachments.add(new EdxmlAttachment(name, text(attachment, "ContentType").orElse("application/octet-stream"),
                    text(attachment, "ContentId").orElse(null), text(attachment, "Description").orElse(null), content));
            }
        }
        return List.copyOf(attachments);
    }

    private EdxmlStatus status(Element status) throws EdxmlRejectedException {
        ResponseFor responseFor = responseFor(required(status, "ResponseFor", "N.ResponseFor"));
        if (responseFor.documentId() == null) {
            throw new EdxmlRejectedException("N.ResponseFor.DocumentId: gói tin trạng thái phải chỉ rõ văn bản (DocumentId)");
        }
        Organization from = organization(required(status, "From", "N.From"), "From");
        String code = requiredText(status, "StatusCode");
        StatusCode statusCode = StatusCode.byCode(code).orElseThrow(() -> new EdxmlRejectedException(
            "R.StatusCode: mã trạng thái không hợp lệ: " + code));
        String description = text(status, "Description").orElse(null);
        if (statusCode == StatusCode.REJECTED && (description == null || description.isBlank())) {
            throw new EdxmlRejectedException("N.Description: trạng thái 02 (trả lại) phải có lý do");
        }
        EdxmlStatus.StaffInfo staff = child(status, "StaffInfo").map(info -> new EdxmlStatus.StaffInfo(text(info, "Department").orElse(null),
            text(info, "Staff").orElse(null), text(info, "Mobile").orElse(null), text(info, "Email").orElse(null))).orElse(null);
        return new EdxmlStatus(responseFor, from, statusCode, description, text(status, "Timestamp").orElse(null), staff);
    }

    private static ResponseFor responseFor(Element element) {
        return new ResponseFor(text(element, "OrganId").orElse(null), text(element, "Code").orElse(null),
            text(element, "PromulgationDate").orElse(null), text(element, "DocumentId").orElse(null));
    }

    private static Organization organization(Element element, String role) throws EdxmlRejectedException {
        String organId = text(element, "OrganId").orElseThrow(() -> new EdxmlRejectedException(
            "N." + role + ".OrganId: thiếu mã định danh cơ quan"));
        if (organId.length() > MAX_ORGAN_ID) {
            throw new EdxmlRejectedException("R." + role + ".OrganId: mã định danh '" + organId + "' dài quá " + MAX_ORGAN_ID + " ký tự");
        }
        return new Organization(organId, text(element, "OrganizationInCharge").orElse(null), text(element, "OrganName").orElse(null),
            text(element, "OrganAdd").orElse(null), text(element, "Email").orElse(null), text(element, "Telephone").orElse(null),
            text(element, "Fax").orElse(null), text(element, "Website").orElse(null));
    }

    private static LocalDate date(String value, String element) throws EdxmlRejectedException {
        String day = value.strip();
        day = day.length() > 10 ? day.substring(0, 10) : day; // "2026/09/07 08:00:00" carries a time we do not need
        try {
            return LocalDate.parse(day.replace('-', '/'), WIRE_DATE);
        } catch (DateTimeParseException e) {
            throw new EdxmlRejectedException("R." + element + ": ngày '" + value + "' không đúng định dạng yyyy/MM/dd");
        }
    }

    private static int integer(String value, String element) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("R." + element + ": '" + value + "' không phải số nguyên");
        }
    }

    private static Element required(Element parent, String name, String code) throws EdxmlRejectedException {
        return child(parent, name).orElseThrow(() -> new EdxmlRejectedException(code + ": thiếu phần tử " + name));
    }

    private static String requiredText(Element parent, String name) throws EdxmlRejectedException {
        return text(parent, name).orElseThrow(() -> new EdxmlRejectedException("N." + name + ": thiếu hoặc rỗng"));
    }

    static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(element -> element.getTextContent().strip()).filter(value -> !value.isEmpty());
    }

    static Optional<Element> child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(localName(element))) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(localName(element))) {
                found.add(element);
            }
        }
        return found;
    }

    private static List<Element> descendants(Element root, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                if (name.equals(localName(element))) {
                    found.add(element);
                } else {
                    found.addAll(descendants(element, name));
                }
            }
        }
        return found;
    }

    private static String localName(Element element) {
        return element.getLocalName() == null ? element.getNodeName() : element.getLocalName();
    }
}
