package vn.govmail.eoffice.store;

/**
 * An agency or commune that receives documents: mail to its document address is examined, and the văn thư
 * (clerk) mailbox gets the alerts. OrganId is its mã định danh for edXML status packages (may be empty).
 */
public record Unit(String unitId, String name, String documentAddress, String clerkMailbox, String organId) {
}
