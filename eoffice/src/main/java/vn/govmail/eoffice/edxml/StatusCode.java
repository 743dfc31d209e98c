package vn.govmail.eoffice.edxml;

import java.util.Arrays;
import java.util.Optional;

/** Status codes of edXML status packages. */
public enum StatusCode {
    ARRIVED("01", "Đã đến"),
    REJECTED("02", "Từ chối tiếp nhận"),
    ACCEPTED("03", "Đã tiếp nhận"),
    ASSIGNED("04", "Đã phân công xử lý"),
    PROCESSING("05", "Đang xử lý"),
    COMPLETED("06", "Hoàn thành"),
    RECALL_REQUESTED("13", "Yêu cầu lấy lại"),
    RECALL_ACCEPTED("15", "Đồng ý lấy lại"),
    RECALL_REFUSED("16", "Từ chối lấy lại");

    private final String code;
    private final String vietnamese;

    StatusCode(String code, String vietnamese) {
        this.code = code;
        this.vietnamese = vietnamese;
    }

    public String code() {
        return code;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public static Optional<StatusCode> byCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code.equals(code == null ? null : code.strip())).findFirst();
    }
}
