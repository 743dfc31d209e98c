package vn.govmail.eoffice.clients;

import java.time.Instant;

/**
 * A client system (the province's eOffice/QLVB software) allowed to exchange documents over the API with its own
 * token. {@code unitId} null means every unit; otherwise only that unit's documents.
 */
public record ClientSystem(String name, String unitId, Instant createdAt, Instant revokedAt) {
    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean mayAccessUnit(String unit) {
        return unitId == null || unitId.equals(unit);
    }
}
