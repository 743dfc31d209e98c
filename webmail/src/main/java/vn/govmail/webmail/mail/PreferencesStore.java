package vn.govmail.webmail.mail;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * Per-user settings in {@code <data>/webmail/preferences/<sha256(user)>.properties}: display name, signature,
 * language, recent contacts, senders whose remote images are shown. No credentials are ever written here.
 */
public class PreferencesStore {
    private final Path directory;

    public PreferencesStore(Path directory) {
        this.directory = directory;
    }

    public synchronized UserPreferences load(String user) {
        UserPreferences preferences = new UserPreferences();
        Path file = file(user);
        if (!Files.exists(file)) {
            return preferences;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        preferences.displayName = p.getProperty("displayName", "");
        preferences.signature = p.getProperty("signature", "");
        preferences.language = p.getProperty("language", "vi");
        for (int i = 0; p.containsKey("contact." + i); i++) {
            preferences.recentContacts.add(p.getProperty("contact." + i));
        }
        for (int i = 0; p.containsKey("imageSender." + i); i++) {
            preferences.imageSenders.add(p.getProperty("imageSender." + i));
        }
        preferences.vacationEnabled = Boolean.parseBoolean(p.getProperty("vacation.enabled", "false"));
        preferences.vacationSubject = p.getProperty("vacation.subject", "");
        preferences.vacationMessage = p.getProperty("vacation.message", "");
        for (int i = 0; p.containsKey("filter." + i + ".field"); i++) {
            preferences.filters.add(new SieveService.Filter(SieveService.Field.valueOf(p.getProperty("filter." + i + ".field")),
                p.getProperty("filter." + i + ".contains", ""), p.getProperty("filter." + i + ".folder", "")));
        }
        return preferences;
    }

    public synchronized void save(String user, UserPreferences preferences) {
        Properties p = new Properties();
        p.setProperty("displayName", preferences.displayName);
        p.setProperty("signature", preferences.signature);
        p.setProperty("language", preferences.language);
        for (int i = 0; i < preferences.recentContacts.size(); i++) {
            p.setProperty("contact." + i, preferences.recentContacts.get(i));
        }
        for (int i = 0; i < preferences.imageSenders.size(); i++) {
            p.setProperty("imageSender." + i, preferences.imageSenders.get(i));
        }
        p.setProperty("vacation.enabled", Boolean.toString(preferences.vacationEnabled));
        p.setProperty("vacation.subject", preferences.vacationSubject);
        p.setProperty("vacation.message", preferences.vacationMessage);
        for (int i = 0; i < preferences.filters.size(); i++) {
            SieveService.Filter f = preferences.filters.get(i);
            p.setProperty("filter." + i + ".field", f.field().name());
            p.setProperty("filter." + i + ".contains", f.contains());
            p.setProperty("filter." + i + ".folder", f.folder());
        }
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, "prefs", ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, null);
            }
            Files.move(temp, file(user), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String user) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(user.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(hash) + ".properties");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
