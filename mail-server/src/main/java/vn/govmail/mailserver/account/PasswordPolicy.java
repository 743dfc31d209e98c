package vn.govmail.mailserver.account;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.Username;

/**
 * Rules for passwords an administrator sets: at least 10 characters, not containing the user name, not one of
 * the passwords attackers try first. Answers the reason a password is refused, if it is.
 */
public final class PasswordPolicy {
    public static final int MINIMUM_LENGTH = 10;
    private static final Set<String> COMMON = Set.of(
        "1234567890", "12345678910", "123456789a", "a123456789", "1q2w3e4r5t", "qwertyuiop", "password123", "password12",
        "passw0rd123", "matkhau123", "matkhau1234", "matkhau@123", "abc1234567", "admin12345", "admin@1234", "iloveyou12",
        "0123456789", "1111111111", "0000000000", "anhyeuem123", "vietnam123", "vietnam@123", "123456789@", "abcd@12345");

    private PasswordPolicy() {
    }

    public static Optional<String> violation(Username user, String password) {
        if (password.length() < MINIMUM_LENGTH) {
            return Optional.of("password is shorter than " + MINIMUM_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.contains(user.getLocalPart().toLowerCase(Locale.ROOT))) {
            return Optional.of("password contains the user name");
        }
        if (COMMON.contains(lower)) {
            return Optional.of("password is a commonly used password");
        }
        return Optional.empty();
    }
}
