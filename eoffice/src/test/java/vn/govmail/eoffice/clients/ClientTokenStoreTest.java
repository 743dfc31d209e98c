package vn.govmail.eoffice.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import vn.govmail.eoffice.TestDatabase;

class ClientTokenStoreTest {
    @Test
    void tokensAreHashedScopedAndRevocable() throws Exception {
        try (TestDatabase database = new TestDatabase()) {
            ClientTokenStore store = new ClientTokenStore(database.dataSource());
            ClientTokenStore.Created qlvb = store.create("qlvb-tinh", "vp-ubnd");
            ClientTokenStore.Created all = store.create("lgsp", null);

            assertEquals("vp-ubnd", store.authenticate(qlvb.token()).orElseThrow().unitId());
            assertTrue(store.authenticate(all.token()).orElseThrow().mayAccessUnit("so-tttt"));
            assertFalse(qlvb.client().mayAccessUnit("so-tttt"));
            assertTrue(store.authenticate("eoc_wrong").isEmpty());
            assertTrue(store.authenticate(ClientTokenStore.sha256(qlvb.token())).isEmpty(), "the stored hash is not a token");
            try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT token_sha256 FROM eoffice_client WHERE name = 'qlvb-tinh'")) {
                rows.next();
                assertEquals(ClientTokenStore.sha256(qlvb.token()), rows.getString(1));
                assertNotEquals(qlvb.token(), rows.getString(1));
            }
            assertThrows(ClientTokenStore.ClientExists.class, () -> store.create("qlvb-tinh", null));

            assertTrue(store.revoke("qlvb-tinh"));
            assertFalse(store.revoke("qlvb-tinh"));
            assertTrue(store.authenticate(qlvb.token()).isEmpty());
            assertTrue(store.find("qlvb-tinh").orElseThrow().revoked());

            ClientTokenStore.Created renewed = store.create("qlvb-tinh", "vp-ubnd");
            assertNotEquals(qlvb.token(), renewed.token());
            assertTrue(store.authenticate(qlvb.token()).isEmpty());
            assertEquals("qlvb-tinh", store.authenticate(renewed.token()).orElseThrow().name());
            assertEquals(2, store.list().size());
        }
    }
}
