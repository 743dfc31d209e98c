package vn.govmail.eoffice;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The metadata fields of one document, each with its confidence. Missing fields read as {@link Field#MISSING}. */
public final class DocumentMetadata {
    private final EnumMap<MetadataField, Field> fields = new EnumMap<>(MetadataField.class);

    public DocumentMetadata set(MetadataField name, Field value) {
        fields.put(name, value);
        return this;
    }

    public Field get(MetadataField name) {
        return fields.getOrDefault(name, Field.MISSING);
    }

    public String value(MetadataField name) {
        return get(name).value();
    }

    public Map<MetadataField, Field> asMap() {
        EnumMap<MetadataField, Field> all = new EnumMap<>(MetadataField.class);
        for (MetadataField name : MetadataField.values()) {
            all.put(name, get(name));
        }
        return Collections.unmodifiableMap(all);
    }

    /** "12/SNV-CCHC", or null when the number or notation is unknown. */
    public String numberNotation() {
        return value(MetadataField.CodeNumber) == null || value(MetadataField.CodeNotation) == null ? null
            : value(MetadataField.CodeNumber) + "/" + value(MetadataField.CodeNotation);
    }

    public boolean secret() {
        return value(MetadataField.Secrecy) != null;
    }
}
