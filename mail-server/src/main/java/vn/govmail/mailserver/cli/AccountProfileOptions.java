package vn.govmail.mailserver.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code --name NAME --title TITLE --unit PATH} of {@code user add} and {@code user profile}: who the account belongs
 * to, saved with {@code PUT /govmail/users/{user}/profile}. The other arguments stay positional.
 */
final class AccountProfileOptions {
    private static final Map<String, String> FIELDS = Map.of("--name", "displayName", "--title", "title", "--unit", "unit");

    private final List<String> positional = new ArrayList<>();
    private final ObjectNode fields = new ObjectMapper().createObjectNode();

    static AccountProfileOptions parse(List<String> operands) {
        AccountProfileOptions options = new AccountProfileOptions();
        for (int index = 0; index < operands.size(); index++) {
            String operand = operands.get(index);
            if (!operand.startsWith("--")) {
                options.positional.add(operand);
                continue;
            }
            String field = FIELDS.get(operand);
            if (field == null) {
                throw new CliException(2, "unknown option '" + operand + "': --name, --title or --unit");
            }
            if (index + 1 >= operands.size()) {
                throw new CliException(2, operand + " needs a value");
            }
            options.fields.put(field, operands.get(++index));
        }
        return options;
    }

    List<String> positional() {
        return positional;
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    void save(WebAdminClient admin, String user) {
        admin.put("govmail/users/" + WebAdminClient.segment(user) + "/profile", fields.toString());
    }
}
