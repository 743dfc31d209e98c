package vn.govmail.eoffice;

/**
 * The metadata of an incoming document, named as in edXML (QCVN 102:2016) and Nghị định 30 Phụ lục VI.
 */
public enum MetadataField {
    /** số (number), e.g. "12". */
    CodeNumber,
    /** ký hiệu (notation), e.g. "SNV-CCHC". */
    CodeNotation,
    /** ngày ban hành, ISO date. */
    PromulgationDate,
    /** địa danh. */
    Place,
    /** cơ quan ban hành. */
    OrganName,
    /** tên loại, e.g. "Công văn". */
    TypeName,
    /** trích yếu, without the "V/v". */
    Subject,
    /** độ khẩn: "Khẩn", "Thượng khẩn", "Hỏa tốc" or absent. */
    Priority,
    /** độ mật: "Mật", "Tối mật", "Tuyệt mật" or absent. */
    Secrecy,
    /** người ký. */
    SignerFullName,
    /** chức vụ người ký. */
    SignerPosition,
    /** nơi nhận, "; " between places. */
    ToPlaces,
    /** hạn xử lý, ISO date. */
    DueDate
}
