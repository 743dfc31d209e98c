package vn.govmail.mailserver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovmailSettingsTest {
    @Test
    void defaultsAreTheProductionPorts() {
        GovmailSettings settings = GovmailSettings.load(Map.of());
        assertThat(settings.port("smtp.port")).isEqualTo(25);
        assertThat(settings.port("submission.port")).isEqualTo(587);
        assertThat(settings.port("imaps.port")).isEqualTo(993);
        assertThat(settings.size("max-message-size")).isEqualTo(50L * 1024 * 1024);
        assertThat(settings.optional("db.url")).isEmpty();
    }

    @Test
    void environmentVariablesOverrideTheFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("govmail.properties");
        Files.writeString(file, "smtp.port=2525\nimap.port=1143\n");
        GovmailSettings settings = GovmailSettings.load(Map.of("GOVMAIL_CONFIG", file.toString(), "GOVMAIL_IMAP_PORT", "2143",
            "GOVMAIL_DB_URL", "jdbc:postgresql://db/govmail"));
        assertThat(settings.port("smtp.port")).isEqualTo(2525);
        assertThat(settings.port("imap.port")).isEqualTo(2143);
        assertThat(settings.string("db.url")).isEqualTo("jdbc:postgresql://db/govmail");
    }

    @Test
    void developmentPortsMovePrivilegedPortsUpByTenThousand() {
        GovmailSettings settings = GovmailSettings.load(Map.of("GOVMAIL_DEV_PORTS", "true"));
        assertThat(settings.port("smtp.port")).isEqualTo(10025);
        assertThat(settings.port("imaps.port")).isEqualTo(10993);
        assertThat(settings.port("admin.port")).isEqualTo(8000);
        assertThat(settings.port("managesieve.port")).isEqualTo(4190);
    }

    @Test
    void badValuesNameTheSettingAndTheVariable() {
        GovmailSettings settings = GovmailSettings.load(Map.of("GOVMAIL_SMTP_PORT", "twenty-five", "GOVMAIL_MAX_MESSAGE_SIZE", "1,5 GB"));
        assertThatThrownBy(() -> settings.port("smtp.port")).hasMessageContaining("GOVMAIL_SMTP_PORT").hasMessageContaining("twenty-five");
        assertThatThrownBy(() -> settings.size("max-message-size")).hasMessageContaining("max-message-size").hasMessageContaining("1,5 GB");
    }

    @Test
    void unreadableConfigFileIsAClearError() {
        assertThatThrownBy(() -> GovmailSettings.load(Map.of("GOVMAIL_CONFIG", "/nonexistent/govmail.properties")))
            .hasMessageContaining("GOVMAIL_CONFIG").hasMessageContaining("/nonexistent/govmail.properties");
    }

    @Test
    void sizesAcceptBinaryUnits() {
        assertThat(SizeParser.parse("k", "512K")).isEqualTo(512 * 1024);
        assertThat(SizeParser.parse("k", "1G")).isEqualTo(1024L * 1024 * 1024);
        assertThat(SizeParser.parse("k", "1048576")).isEqualTo(1048576);
        assertThat(SizeParser.parse("k", "50mb")).isEqualTo(50L * 1024 * 1024);
    }
}
