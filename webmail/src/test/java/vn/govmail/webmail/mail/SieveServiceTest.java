package vn.govmail.webmail.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SieveServiceTest {
    @Test
    void filtersAndVacationBecomeEscapedSieve() {
        String script = SieveService.script(new SieveService.Vacation(true, "Vắng mặt", "Tôi nghỉ phép đến 30/11.\nLiên hệ \"văn thư\"."),
            List.of(new SieveService.Filter(SieveService.Field.FROM, "giamdoc@", "Lãnh đạo"),
                new SieveService.Filter(SieveService.Field.SUBJECT, "quảng \\ cáo", "Junk"),
                new SieveService.Filter(SieveService.Field.SUBJECT, " ", "Junk")));
        assertThat(script).contains("require [\"fileinto\", \"vacation\"];",
            "if header :contains \"from\" \"giamdoc@\" {\n  fileinto \"Lãnh đạo\";\n  stop;\n}",
            "if header :contains \"subject\" \"quảng \\\\ cáo\"",
            "vacation :days 1 :subject \"Vắng mặt\" \"Tôi nghỉ phép đến 30/11.\nLiên hệ \\\"văn thư\\\".\";");
        assertThat(script.split("fileinto \"Junk\"")).hasSize(2); // the blank filter is left out
    }

    @Test
    void nothingSetIsAnEmptyScript() {
        assertThat(SieveService.script(new SieveService.Vacation(false, "", ""), List.of())).doesNotContain("require", "vacation :");
    }
}
