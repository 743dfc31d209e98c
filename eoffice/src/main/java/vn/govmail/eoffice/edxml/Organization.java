package vn.govmail.eoffice.edxml;

/** An organisation of an edXML From/To element. OrganId is the mã định danh (QĐ 20/2020/QĐ-TTg), ≤ 13 characters. */
public record Organization(String organId, String organizationInCharge, String organName, String organAdd, String email,
                           String telephone, String fax, String website) {
    public static Organization of(String organId, String organName, String email) {
        return new Organization(organId, null, organName, null, email, null, null, null);
    }
}
