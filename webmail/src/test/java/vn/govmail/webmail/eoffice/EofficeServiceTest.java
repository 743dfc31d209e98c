package vn.govmail.webmail.eoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document views' logic without a server: the API's JSON (as the mail server's DocumentJson writes it) becomes
 * the form's fields with their confidence and "Kiểm tra" marks and the allowed actions; filters become the query.
 * The calls themselves run against the real server in WebmailEndToEndIT.
 */
class EofficeServiceTest {
    private static final String DOCUMENT = """
        {"id": 7, "unit": "so-noi-vu", "state": "da-tiep-nhan", "stateName": "Đã tiếp nhận", "numberNotation": "31/SNV-TCBC",
         "OrganName": "SỞ NỘI VỤ", "TypeName": "Công văn", "Subject": "rà soát biên chế", "PromulgationDate": "2026-11-14",
         "Priority": "Khẩn", "secret": false, "duplicateOf": null, "arrivalNumber": 1, "receivedAt": "2026-11-22T09:15:00+07:00",
         "deadline": null, "source": "mail", "documentId": null,
         "metadata": {"CodeNumber": "31", "CodeNotation": "SNV-TCBC", "OrganName": "SỞ NỘI VỤ", "Subject": "rà soát biên chế",
                      "SignerFullName": "Lò Thị Mai", "Priority": "Khẩn", "Secrecy": null,
                      "confidence": {"CodeNumber": 0.99, "CodeNotation": 0.99, "OrganName": 0.35, "Subject": 0.95,
                                     "SignerFullName": 0.9, "Priority": 0.6, "Secrecy": 0.0}},
         "sourceMail": {"from": "chuyenvien@demo.gov.vn", "fromName": null, "messageId": "<a@b>", "subject": "Công văn 31", "date": null},
         "warnings": ["Kiểm tra OrganName (độ tin cậy 35 %)"], "arrivalDate": "2026-11-22", "leader": null,
         "attachments": [{"id": 3, "name": "31.docx", "contentType": "application/octet-stream", "size": 2048, "sha256": "x"}],
         "nextStates": ["da-trinh", "tra-lai"], "myRoles": ["CLERK"], "myActions": ["CORRECT", "PRESENT", "RETURN"]}
        """;

    @Test
    void aDocumentBecomesFieldsWithConfidenceChecksAndTheAllowedActions() {
        DocumentDetail document = EofficeService.detail(JsonMapper.builder().build().readTree(DOCUMENT));
        assertThat(document.summary().id()).isEqualTo(7);
        assertThat(document.summary().arrivalNumber()).isEqualTo(1);
        assertThat(document.summary().urgent()).isTrue();
        assertThat(document.summary().duplicateOf()).isNull();
        assertThat(document.summary().deadline()).isNull();
        assertThat(document.fields()).extracting(DocumentDetail.MetadataField::name).startsWith("CodeNumber", "CodeNotation", "PromulgationDate")
            .hasSize(EofficeService.FIELDS.size());
        assertThat(document.fields()).filteredOn(DocumentDetail.MetadataField::needsCheck).extracting(DocumentDetail.MetadataField::name)
            .as("present fields under 0.7; an empty field is no check").containsExactly("OrganName", "Priority");
        assertThat(document.fields()).filteredOn(f -> f.name().equals("Secrecy")).singleElement()
            .satisfies(f -> assertThat(f.value()).isNull());
        assertThat(document.may("PRESENT")).isTrue();
        assertThat(document.may("REGISTER")).isFalse();
        assertThat(document.sourceMail().messageId()).isEqualTo("<a@b>");
        assertThat(document.sourceMail().fromName()).isNull();
        assertThat(document.attachments()).singleElement().satisfies(a -> assertThat(a.name()).isEqualTo("31.docx"));
        assertThat(document.workflow().arrivalDate()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(document.warnings()).containsExactly("Kiểm tra OrganName (độ tin cậy 35 %)");
    }

    @Test
    void savingTheFormSendsChangedFieldsAndConfirmsTheFieldsToCheck() {
        DocumentDetail document = EofficeService.detail(JsonMapper.builder().build().readTree(DOCUMENT));
        java.util.Map<String, String> form = new java.util.HashMap<>();
        document.fields().forEach(f -> form.put(f.name(), f.value() == null ? "" : f.value()));
        assertThat(EofficeService.correction(document, form).toString()).isEqualTo("{\"OrganName\":\"SỞ NỘI VỤ\",\"Priority\":\"Khẩn\"}");
        form.put("Subject", " rà soát biên chế công chức ");
        form.put("SignerFullName", "");
        assertThat(EofficeService.correction(document, form).toString()).contains("\"Subject\":\"rà soát biên chế công chức\"",
            "\"SignerFullName\":null");
    }

    @Test
    void filtersBecomeTheQueryStringEmptyOnesLeftOut() {
        assertThat(DocumentFilter.none().queryString()).isEmpty();
        assertThat(new DocumentFilter("da-trinh", "Hỏa tốc", LocalDate.of(2026, 1, 1), null, " ", null, "biên chế").queryString())
            .isEqualTo("?state=da-trinh&priority=H%E1%BB%8Fa%20t%E1%BB%91c&from=2026-01-01&q=bi%C3%AAn%20ch%E1%BA%BF");
        assertThat(EofficeService.registerFileName("so-noi-vu", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "xlsx"))
            .isEqualTo("so-van-ban-den-so-noi-vu-2026-01-01-2026-12-31.xlsx");
    }

    @Test
    void rolesDecideWhetherTheViewsAreOffered() {
        assertThat(DocumentRoles.none().any()).isFalse();
        assertThat(new DocumentRoles(java.util.List.of(), 1, 0).any()).isTrue();
        assertThat(new DocumentRoles(java.util.List.of(), 1, 0).clerk()).isFalse();
    }
}
