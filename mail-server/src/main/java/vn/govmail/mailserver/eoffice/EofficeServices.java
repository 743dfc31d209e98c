package vn.govmail.mailserver.eoffice;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.filesystem.api.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.govmail.eoffice.clients.ClientTokenStore;
import vn.govmail.eoffice.extract.AttachmentText;
import vn.govmail.eoffice.intake.DocumentIntake;
import vn.govmail.eoffice.intake.DocumentWorkflow;
import vn.govmail.eoffice.intake.StatusNotices;
import vn.govmail.eoffice.search.DocumentIndex;
import vn.govmail.eoffice.store.DocumentStore;
import vn.govmail.eoffice.store.Unit;
import vn.govmail.mailserver.database.GovmailDataSource;

/**
 * The eOffice library wired into the mail server: the document register lives in the server's PostgreSQL, the
 * full-text index in {@code <data>/eoffice-index} (rebuilt from the database when it is missing).
 */
@Singleton
public class EofficeServices {
    private static final Logger LOGGER = LoggerFactory.getLogger(EofficeServices.class);

    private final DocumentStore store;
    private final DocumentIndex index;
    private final DocumentIntake intake;
    private final DocumentWorkflow workflow;
    private final StatusNotices notices;
    private final ClientTokenStore clients;
    static final long UNIT_CACHE_MILLIS = 30_000;
    private volatile Map<String, Unit> unitsByAddress;
    private volatile long unitsLoadedAt;

    @Inject
    public EofficeServices(GovmailDataSource database, FileSystem fileSystem) throws SQLException, IOException {
        store = new DocumentStore(database.dataSource());
        clients = new ClientTokenStore(database.dataSource());
        Path indexDirectory = fileSystem.getBasedir().toPath().resolve("eoffice-index");
        index = new DocumentIndex(indexDirectory);
        if (index.size() == 0) {
            int[] count = {0};
            store.forEachIndexable((id, unitId, subject, text) -> {
                index.add(id, unitId, subject, text);
                count[0]++;
            });
            if (count[0] > 0) {
                LOGGER.info("eOffice: rebuilt the full-text index of {} documents in {}", count[0], indexDirectory);
            }
        }
        notices = new StatusNotices(Clock.systemUTC());
        intake = new DocumentIntake(store, index, new AttachmentText(), notices);
        workflow = new DocumentWorkflow(store, notices);
    }

    /**
     * The unit whose document address this is. Every local mail asks, so the (small) unit table is cached and
     * re-read at most every {@link #UNIT_CACHE_MILLIS} ms, or at once after a change through the API.
     */
    public Optional<Unit> unitByDocumentAddress(String address) throws SQLException {
        Map<String, Unit> units = unitsByAddress;
        if (units == null || System.currentTimeMillis() - unitsLoadedAt > UNIT_CACHE_MILLIS) {
            Map<String, Unit> loaded = new HashMap<>();
            for (Unit unit : store.units()) {
                loaded.put(unit.documentAddress(), unit);
            }
            unitsByAddress = units = loaded;
            unitsLoadedAt = System.currentTimeMillis();
        }
        return Optional.ofNullable(units.get(address.toLowerCase(Locale.ROOT)));
    }

    public void saveUnit(Unit unit) throws SQLException {
        store.saveUnit(unit);
        unitsByAddress = null;
    }

    public DocumentStore store() {
        return store;
    }

    public ClientTokenStore clients() {
        return clients;
    }

    public DocumentIndex index() {
        return index;
    }

    public DocumentIntake intake() {
        return intake;
    }

    public DocumentWorkflow workflow() {
        return workflow;
    }

    public StatusNotices notices() {
        return notices;
    }

    @PreDestroy
    public void close() throws IOException {
        index.close();
    }
}
