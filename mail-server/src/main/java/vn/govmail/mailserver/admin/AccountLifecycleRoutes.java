package vn.govmail.mailserver.admin;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;

import spark.Request;
import spark.Response;
import spark.Service;
import vn.govmail.mailserver.account.AccountDeletion;
import vn.govmail.mailserver.account.AccountPasswordChanger;
import vn.govmail.mailserver.account.MailboxMboxExporter;
import vn.govmail.mailserver.account.PasswordChangeRequirements;

/**
 * The end of an account's life and its password, for the IT center:
 * <ul>
 *   <li>{@code DELETE /govmail/users/{user}}: answers 409 with what would be deleted and a confirmation token;
 *       {@code DELETE /govmail/users/{user}?confirm=TOKEN} (within 15 minutes) exports every mailbox to
 *       {@code <data>/var/exports/} and then deletes the account ({@link AccountDeletion});</li>
 *   <li>{@code POST /govmail/users/{user}/force-password-change}: the old password no longer opens the mailbox until
 *       the user changes it;</li>
 *   <li>{@code POST /govmail/users/{user}/reset-password} with {@code {"password": "..."}}: sets it (password policy
 *       applies) and ends a forced change.</li>
 * </ul>
 */
public class AccountLifecycleRoutes implements Routes {
    private static final Duration CONFIRMATION_VALIDITY = Duration.ofMinutes(15);

    private record Confirmation(String token, Instant expires) {
    }

    private final UsersRepository users;
    private final AccountDeletion deletion;
    private final AccountPasswordChanger passwords;
    private final PasswordChangeRequirements passwordChanges;
    private final FileSystem fileSystem;
    private final JsonTransformer json;
    private final Map<String, Confirmation> confirmations = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    @Inject
    public AccountLifecycleRoutes(UsersRepository users, AccountDeletion deletion, AccountPasswordChanger passwords,
                                  PasswordChangeRequirements passwordChanges, FileSystem fileSystem, JsonTransformer json) {
        this.users = users;
        this.deletion = deletion;
        this.passwords = passwords;
        this.passwordChanges = passwordChanges;
        this.fileSystem = fileSystem;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return "/govmail/users";
    }

    @Override
    public void define(Service service) {
        service.delete("/govmail/users/:user", this::delete, json);
        service.post("/govmail/users/:user/force-password-change", this::forcePasswordChange, json);
        service.post("/govmail/users/:user/reset-password", this::resetPassword, json);
    }

    private Object delete(Request request, Response response) throws Exception {
        Username user = existingUser(request);
        String key = user.asString().toLowerCase(Locale.ROOT);
        String given = request.queryParams("confirm");
        Confirmation expected = confirmations.get(key);
        if (given == null || expected == null || expected.expires().isBefore(Instant.now()) || !expected.token().equals(given)) {
            String token = HexFormat.of().formatHex(nextBytes());
            confirmations.put(key, new Confirmation(token, Instant.now().plus(CONFIRMATION_VALIDITY)));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("message", (given == null ? "Nothing deleted yet." : "Wrong or expired confirmation token: nothing deleted.")
                + " Repeat with ?confirm=" + token + " within 15 minutes to export the mail to <data>/var/exports and delete the account");
            answer.put("confirm", token);
            answer.put("willDelete", deletion.plan(user).asMap());
            response.status(409);
            return answer;
        }
        confirmations.remove(key);
        Path exports = fileSystem.getFile("file://var/exports").toPath();
        MailboxMboxExporter.Export export = deletion.delete(user, exports);
        return Map.of("user", user.asString(), "deleted", true, "export", export.directory().toString(), "exportedMessages", export.messages());
    }

    private byte[] nextBytes() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return bytes;
    }

    private Object forcePasswordChange(Request request, Response response) throws Exception {
        Username user = existingUser(request);
        passwordChanges.require(user);
        return Map.of("user", user.asString(), "passwordChangeRequired", true);
    }

    private Object resetPassword(Request request, Response response) throws Exception {
        Username user = existingUser(request);
        String password = JsonFields.string(request.body(), "password")
            .orElseThrow(() -> AdminErrors.badRequest("Give the new password as {\"password\": \"...\"}"));
        try {
            passwords.change(user, password);
        } catch (AccountPasswordChanger.PasswordRefused e) {
            throw AdminErrors.badRequest(e.getMessage());
        }
        return Map.of("user", user.asString(), "passwordChangeRequired", false);
    }

    private Username existingUser(Request request) throws Exception {
        Username user;
        try {
            user = Username.of(request.params("user"));
        } catch (IllegalArgumentException e) {
            throw AdminErrors.badRequest("'" + request.params("user") + "' is not a valid user name");
        }
        if (!users.contains(user)) {
            throw AdminErrors.notFound("User " + user.asString() + " does not exist");
        }
        return user;
    }

}
