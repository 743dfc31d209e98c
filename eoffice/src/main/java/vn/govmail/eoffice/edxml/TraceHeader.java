package vn.govmail.eoffice.edxml;

/** One hop of the package: which organisation handled it, when (as written on the wire, yyyy/MM/dd HH:mm:ss). */
public record TraceHeader(String organId, String timestamp) {
}
