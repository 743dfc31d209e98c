package vn.govmail.eoffice;

/**
 * One metadata value and how sure the bridge is of it (0 = guessed or missing, 1 = read from a structured source
 * such as an edXML package). The clerk's screen shows the confidence so that weak values get checked.
 */
public record Field(String value, double confidence) {
    public static final Field MISSING = new Field(null, 0.0);

    public Field {
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
    }

    public static Field of(String value, double confidence) {
        return value == null || value.isBlank() ? MISSING : new Field(value.strip(), confidence);
    }

    /** A value known to be absent (e.g. no urgency marking), with the confidence that it really is absent. */
    public static Field absent(double confidence) {
        return new Field(null, confidence);
    }

    public boolean present() {
        return value != null;
    }
}
