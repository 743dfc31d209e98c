package vn.govmail.webmail.admin;

import java.security.SecureRandom;

/**
 * A password for a new account or a reset, shown once to the administrator: three groups of four characters from an
 * alphabet without look-alikes (no 0/O, 1/l/I), with upper and lower case letters and digits, e.g. {@code Kq7m-Tz3b-9Hwe}
 * (about 80 bits; it passes the server's policy: long enough, no user name, not a common password).
 */
public final class InitialPassword {
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String ALL = UPPER + LOWER + DIGITS;
    private static final SecureRandom RANDOM = new SecureRandom();

    private InitialPassword() {
    }

    public static String generate() {
        char[] characters = new char[12];
        for (int i = 0; i < characters.length; i++) {
            characters[i] = pick(ALL);
        }
        // one of each class at distinct random places, so every password has all three
        int[] places = distinctPlaces(characters.length);
        characters[places[0]] = pick(UPPER);
        characters[places[1]] = pick(LOWER);
        characters[places[2]] = pick(DIGITS);
        String text = new String(characters);
        return text.substring(0, 4) + "-" + text.substring(4, 8) + "-" + text.substring(8);
    }

    private static int[] distinctPlaces(int length) {
        int first = RANDOM.nextInt(length);
        int second = (first + 1 + RANDOM.nextInt(length - 1)) % length;
        int third;
        do {
            third = RANDOM.nextInt(length);
        } while (third == first || third == second);
        return new int[] {first, second, third};
    }

    private static char pick(String alphabet) {
        return alphabet.charAt(RANDOM.nextInt(alphabet.length()));
    }
}
