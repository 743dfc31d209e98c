package vn.govmail.eoffice.edxml;

/** What an edXML file holds: a document package or a status package. */
public sealed interface EdxmlMessage permits EdxmlPackage, EdxmlStatus {
}
