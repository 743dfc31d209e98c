import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import org.apache.james.core.Username;

import vn.govmail.mailserver.account.AccountProfileStore;
import vn.govmail.mailserver.database.DatabaseConnection;
import vn.govmail.mailserver.database.GovmailDataSource;
import vn.govmail.mailserver.organisation.OrganisationSchema;
import vn.govmail.mailserver.organisation.OrganisationStore;

/**
 * What placing imported accounts in the organisation tree adds to the import: the same profiles saved in batches
 * of 500 (as AccountImportJob does), once with the raw profile upsert only (baseline) and once through
 * AccountProfileStore (upsert + OrganisationStore.attachByPath, creating ~700 units), on a fresh database each.
 * Usage: see bench/organisation-benchmark.sh.
 */
public class OrganisationImportBench {
    public static void main(String[] args) throws Exception {
        int accounts = Integer.parseInt(args[0]);
        int units = Integer.parseInt(args[1]);
        List<AccountProfileStore.Profile> profiles = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            int unit = i % units;
            profiles.add(new AccountProfileStore.Profile(Username.of("canbo" + i + "@demo.gov.vn"), "Nguyễn Văn Cán Bộ " + i,
                "Sở số " + (unit / 10) + "/Phòng Tổ chức " + (unit % 10), "Chuyên viên"));
        }
        long baseline = run(profiles, false);
        long withTree = run(profiles, true);
        System.out.printf("bench organisation: %d profiles, %d units: baseline upsert %d ms, with unit placement %d ms, ratio %.2f%n",
            accounts, units, baseline, withTree, (double) withTree / baseline);
    }

    private static long run(List<AccountProfileStore.Profile> profiles, boolean withTree) throws Exception {
        String name = "govmail_bench_" + System.nanoTime();
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        }
        GovmailDataSource database = new GovmailDataSource(new DatabaseConnection("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", ""));
        try {
            OrganisationStore organisation = new OrganisationStore(new OrganisationSchema(database));
            AccountProfileStore store = new AccountProfileStore(database, withTree ? organisation : null);
            long start = System.nanoTime();
            for (int from = 0; from < profiles.size(); from += 500) {
                List<AccountProfileStore.Profile> batch = profiles.subList(from, Math.min(profiles.size(), from + 500));
                if (withTree) {
                    store.saveAll(batch);
                } else {
                    store.saveProfilesOnly(batch);
                }
            }
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            database.close();
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
                admin.createStatement().execute("DROP DATABASE " + name);
            }
        }
    }
}
