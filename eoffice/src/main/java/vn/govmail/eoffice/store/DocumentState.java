package vn.govmail.eoffice.store;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import vn.govmail.eoffice.edxml.StatusCode;

/**
 * The life of an incoming document (Nghị định 30, Điều 20–24): chờ tiếp nhận → đã tiếp nhận → đã trình → đang xử lý
 * → hoàn thành, or trả lại. Each state change the sender must hear about carries its edXML status code.
 */
public enum DocumentState {
    PENDING("cho-tiep-nhan", "Chờ tiếp nhận", null),
    REGISTERED("da-tiep-nhan", "Đã tiếp nhận", StatusCode.ACCEPTED),
    PRESENTED("da-trinh", "Đã trình", null),
    IN_PROGRESS("dang-xu-ly", "Đang xử lý", StatusCode.ASSIGNED),
    COMPLETED("hoan-thanh", "Hoàn thành", StatusCode.COMPLETED),
    RETURNED("tra-lai", "Trả lại", StatusCode.REJECTED);

    private final String code;
    private final String vietnamese;
    private final StatusCode statusToSender;

    DocumentState(String code, String vietnamese, StatusCode statusToSender) {
        this.code = code;
        this.vietnamese = vietnamese;
        this.statusToSender = statusToSender;
    }

    public String code() {
        return code;
    }

    public String vietnamese() {
        return vietnamese;
    }

    /** The status package the sender gets when the document enters this state, if any. */
    public Optional<StatusCode> statusToSender() {
        return Optional.ofNullable(statusToSender);
    }

    public Set<DocumentState> next() {
        return switch (this) {
            case PENDING -> Set.of(REGISTERED, RETURNED);
            case REGISTERED -> Set.of(PRESENTED, RETURNED);
            case PRESENTED -> Set.of(IN_PROGRESS, RETURNED);
            case IN_PROGRESS -> Set.of(COMPLETED);
            case COMPLETED, RETURNED -> Set.of();
        };
    }

    public boolean canMoveTo(DocumentState target) {
        return next().contains(target);
    }

    /** By code ("da-tiep-nhan"), by name ("REGISTERED") or by the Vietnamese words ("đã tiếp nhận"). */
    public static Optional<DocumentState> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip();
        return Arrays.stream(values()).filter(state -> state.code.equalsIgnoreCase(wanted) || state.name().equalsIgnoreCase(wanted)
            || state.vietnamese.equalsIgnoreCase(wanted)).findFirst();
    }
}
