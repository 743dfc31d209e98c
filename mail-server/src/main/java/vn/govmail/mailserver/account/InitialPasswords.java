package vn.govmail.mailserver.account;

import java.security.SecureRandom;

/**
 * Random initial passwords handed to new account holders: 14 characters from an alphabet without look-alikes
 * (no 0/O, 1/l/I), easy to read aloud or copy from paper, and always within the {@link PasswordPolicy}.
 */
public final class InitialPasswords {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 14;
    private static final SecureRandom RANDOM = new SecureRandom();

    private InitialPasswords() {
    }

    public static String generate() {
        char[] password = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            password[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(password);
    }
}
