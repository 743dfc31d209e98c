package vn.govmail.mailserver.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private static final Username USER = Username.of("nguyenvana@laichau.gov.vn");

    @Test
    void refusesShortPasswordsTheUserNameAndCommonOnes() {
        assertThat(PasswordPolicy.violation(USER, "Ab1!")).hasValueSatisfying(reason -> assertThat(reason).contains("shorter than 10"));
        assertThat(PasswordPolicy.violation(USER, "xxNguyenVanA2026")).hasValueSatisfying(reason -> assertThat(reason).contains("user name"));
        assertThat(PasswordPolicy.violation(USER, "Matkhau@123")).hasValueSatisfying(reason -> assertThat(reason).contains("common"));
    }

    @Test
    void acceptsAReasonablePassword() {
        assertThat(PasswordPolicy.violation(USER, "Hoa-Ban-Tay-Bac-2026")).isEmpty();
    }
}
