package vn.govmail.mailserver.admin;

/** Whole-number query parameters of the WebAdmin routes ({@code limit}, {@code offset}), refused with 400 out of range. */
public final class QueryNumbers {
    private QueryNumbers() {
    }

    /** @return {@code fallback} when absent or blank; the number when in {@code min..max}; otherwise 400 naming it */
    public static int inRange(String text, String name, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw AdminErrors.badRequest(name + " must be a number from " + min + " to " + max + ", not '" + text + "'");
    }
}
