package vn.govmail.eoffice.edxml;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Writes edXML packages (QCVN 102:2016 layout of the VPCP SDK samples): status packages and document packages. */
public final class EdxmlWriter {
    private static final String PREFIX = "edXML:";
    private static final DateTimeFormatter WIRE_DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");

    public byte[] status(EdxmlStatus status) {
        Document document = newDocument();
        Element header = envelopeHeader(document);
        Element body = add(document, header, "Status");
        responseFor(document, body, status.responseFor());
        organization(document, body, "From", status.from());
        text(document, body, "StatusCode", status.statusCode().code());
        text(document, body, "Description", status.description());
        text(document, body, "Timestamp", status.timestamp());
        if (status.staff() != null) {
            Element staff = add(document, body, "StaffInfo");
            text(document, staff, "Department", status.staff().department());
            text(document, staff, "Staff", status.staff().staff());
            text(document, staff, "Mobile", status.staff().mobile());
            text(document, staff, "Email", status.staff().email());
        }
        return serialize(document);
    }

    public byte[] documentPackage(EdxmlPackage pkg) {
        Document document = newDocument();
        Element header = envelopeHeader(document);
        Element message = add(document, header, "MessageHeader");
        organization(document, message, "From", pkg.from());
        pkg.to().forEach(to -> organization(document, message, "To", to));
        Element code = add(document, message, "Code");
        text(document, code, "CodeNumber", pkg.codeNumber());
        text(document, code, "CodeNotation", pkg.codeNotation());
        Element promulgation = add(document, message, "PromulgationInfo");
        text(document, promulgation, "Place", pkg.place());
        text(document, promulgation, "PromulgationDate", pkg.promulgationDate().format(WIRE_DATE));
        Element type = add(document, message, "DocumentType");
        text(document, type, "Type", pkg.type() == null ? null : pkg.type().toString());
        text(document, type, "TypeName", pkg.typeName());
        text(document, message, "Subject", pkg.subject());
        text(document, message, "Content", pkg.content());
        Element signer = add(document, message, "SignerInfo");
        text(document, signer, "Competence", pkg.signerCompetence());
        text(document, signer, "Position", pkg.signerPosition());
        text(document, signer, "FullName", pkg.signerFullName());
        text(document, message, "DueDate", pkg.dueDate() == null ? null : pkg.dueDate().format(WIRE_DATE));
        Element places = add(document, message, "ToPlaces");
        pkg.toPlaces().forEach(place -> text(document, places, "Place", place));
        Element other = add(document, message, "OtherInfo");
        text(document, other, "Priority", Integer.toString(pkg.priority()));
        if (pkg.responseFor() != null) {
            responseFor(document, message, pkg.responseFor());
        }
        text(document, message, "SteeringType", pkg.steeringType() == null ? "0" : pkg.steeringType().toString());
        text(document, message, "DocumentId", pkg.documentId());
        Element traces = add(document, header, "TraceHeaderList");
        for (TraceHeader trace : pkg.traceHeaders()) {
            Element element = add(document, traces, "TraceHeader");
            text(document, element, "OrganId", trace.organId());
            text(document, element, "Timestamp", trace.timestamp());
        }
        Element business = add(document, traces, "Bussiness");
        text(document, business, "BussinessDocType", pkg.businessDocType() == null ? "0" : pkg.businessDocType().toString());
        text(document, business, "BussinessDocReason", pkg.businessDocReason());
        Element root = document.getDocumentElement();
        Element encoded = document.createElementNS(EdxmlParser.NAMESPACE, "AttachmentEncoded");
        root.appendChild(encoded);
        for (EdxmlAttachment attachment : pkg.attachments()) {
            Element element = document.createElementNS(EdxmlParser.NAMESPACE, "Attachment");
            encoded.appendChild(element);
            plain(document, element, "ContentType", attachment.contentType());
            plain(document, element, "ContentId", attachment.contentId());
            plain(document, element, "Description", attachment.description());
            plain(document, element, "AttachmentName", attachment.name());
            plain(document, element, "ContentTransferEncoded", Base64.getMimeEncoder().encodeToString(attachment.content()));
        }
        return serialize(document);
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().newDocument();
            Element root = document.createElementNS(EdxmlParser.NAMESPACE, "edXML");
            root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", EdxmlParser.NAMESPACE);
            document.appendChild(root);
            return document;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element envelopeHeader(Document document) {
        Element envelope = document.createElementNS(EdxmlParser.NAMESPACE, PREFIX + "edXMLEnvelope");
        envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:edXML", EdxmlParser.NAMESPACE);
        document.getDocumentElement().appendChild(envelope);
        Element header = add(document, envelope, "edXMLHeader");
        add(document, envelope, "edXMLBody");
        return header;
    }

    private static void responseFor(Document document, Element parent, ResponseFor responseFor) {
        Element element = add(document, parent, "ResponseFor");
        text(document, element, "OrganId", responseFor.organId());
        text(document, element, "Code", responseFor.code());
        text(document, element, "PromulgationDate", responseFor.promulgationDate());
        text(document, element, "DocumentId", responseFor.documentId());
    }

    private static void organization(Document document, Element parent, String name, Organization organization) {
        Element element = add(document, parent, name);
        text(document, element, "OrganId", organization.organId());
        text(document, element, "OrganizationInCharge", organization.organizationInCharge());
        text(document, element, "OrganName", organization.organName());
        text(document, element, "OrganAdd", organization.organAdd());
        text(document, element, "Email", organization.email());
        text(document, element, "Telephone", organization.telephone());
        text(document, element, "Fax", organization.fax());
        text(document, element, "Website", organization.website());
    }

    private static Element add(Document document, Element parent, String name) {
        Element element = document.createElementNS(EdxmlParser.NAMESPACE, PREFIX + name);
        parent.appendChild(element);
        return element;
    }

    private static void text(Document document, Element parent, String name, String value) {
        if (value != null) {
            add(document, parent, name).setTextContent(value);
        }
    }

    private static void plain(Document document, Element parent, String name, String value) {
        if (value != null) {
            Element element = document.createElementNS(EdxmlParser.NAMESPACE, name);
            element.setTextContent(value);
            parent.appendChild(element);
        }
    }

    private static byte[] serialize(Document document) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write edXML", e);
        }
    }
}
