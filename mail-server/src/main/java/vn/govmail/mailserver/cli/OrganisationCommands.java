package vn.govmail.mailserver.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.govmail.mailserver.organisation.VietnameseText;

/**
 * {@code govmail admin unit|group|role|report ...}: the organisation tree, distribution groups, role mailboxes and
 * usage reports (REST under /govmail/units, /groups, /roles, /reports).
 */
final class OrganisationCommands {
    static final String USAGE = """
          unit list [TEXT]               the organisation tree (id, path, accounts); TEXT filters, accents optional
          unit add PATH                  create a unit and its missing parents, e.g. "Sở Nội vụ/Phòng Tổ chức"
          unit rename PATH NAME          rename a unit (addresses and mail are untouched)
          unit move PATH PARENT          move a unit under PARENT (a path, or / for the top level)
          unit delete PATH               delete an empty unit
          unit users PATH [TEXT]         the people of a unit and its sub-units; TEXT searches names and addresses
          unit assign ADDRESS PATH       place an account in a unit
          group create GROUP [POLICY]    create a distribution group; POLICY (who may send): anyone, domain, members
          group policy GROUP POLICY      change who may send to GROUP
          group add GROUP MEMBER         add an account or a group (nested), or unit:PATH (unit:PATH/* with sub-units);
                                         creates GROUP (policy anyone) if needed
          group remove GROUP MEMBER      remove a member (same forms as 'group add')
          group list [GROUP]             all groups, or GROUP's members and the accounts it reaches
          group delete GROUP             delete a group
          role add ROLE MEMBER           MEMBER may open the role mailbox ROLE over IMAP with their own password
          role remove ROLE MEMBER        take that right away
          role list [ROLE]               role mailboxes and their members
          report domains|units|top [--domain D] [--unit PATH] [--limit N] [--csv]
                                         accounts, active in 30 days, storage used; top = largest mailboxes
        """;
    private static final List<String> FIRST_WORDS = List.of("unit", "group", "role", "report");

    private final WebAdminClient admin;
    private final PrintStream out;

    OrganisationCommands(WebAdminClient admin, PrintStream out) {
        this.admin = admin;
        this.out = out;
    }

    static boolean handles(List<String> args) {
        return !args.isEmpty() && FIRST_WORDS.contains(args.get(0));
    }

    void run(List<String> args) {
        String command = String.join(" ", args.subList(0, Math.min(2, args.size())));
        List<String> operands = args.size() > 2 ? args.subList(2, args.size()) : List.of();
        switch (command) {
            case "unit list" -> listUnits(optional(operands, 0).orElse(""));
            case "unit add" -> {
                String path = GovmailCli.exactly(operands, "PATH").get(0);
                String json = admin.post("govmail/units", JsonText.object("path", path)).body();
                out.println("Unit " + JsonText.field(json, "path").orElse(path) + " created (id " + JsonText.field(json, "id").orElse("?") + ").");
            }
            case "unit rename" -> {
                List<String> values = GovmailCli.exactly(operands, "PATH", "NAME");
                String json = admin.patch("govmail/units/" + unitId(values.get(0)), JsonText.object("name", values.get(1))).body();
                out.println("Unit renamed: " + JsonText.field(json, "path").orElse(values.get(1)));
            }
            case "unit move" -> {
                List<String> values = GovmailCli.exactly(operands, "PATH", "PARENT");
                String parent = values.get(1).equals("/") ? "" : values.get(1);
                String json = admin.patch("govmail/units/" + unitId(values.get(0)), JsonText.object("parent", parent)).body();
                out.println("Unit moved: " + JsonText.field(json, "path").orElse(values.get(0)));
            }
            case "unit delete" -> {
                String path = GovmailCli.exactly(operands, "PATH").get(0);
                admin.delete("govmail/units/" + unitId(path));
                out.println("Unit " + path + " deleted.");
            }
            case "unit users" -> {
                if (operands.isEmpty() || operands.size() > 2) {
                    throw new CliException(2, "expected PATH [TEXT] (./govmail admin help)");
                }
                String query = operands.size() == 2 ? "&q=" + WebAdminClient.segment(operands.get(1)) : "";
                for (Map<String, Object> person : JsonText.objects(admin.get("govmail/units/" + unitId(operands.get(0)) + "/users?subunits=true" + query).body())) {
                    out.println(person.get("username") + "\t" + text(person.get("displayName")) + "\t" + text(person.get("title")) + "\t" + person.get("unit"));
                }
            }
            case "unit assign" -> {
                List<String> values = GovmailCli.exactly(operands, "ADDRESS", "PATH");
                String json = admin.put("govmail/users/" + WebAdminClient.segment(values.get(0)) + "/unit", JsonText.object("unit", values.get(1))).body();
                out.println(values.get(0) + " is now in " + JsonText.field(json, "unit").orElse(values.get(1)) + ".");
            }
            case "group create" -> {
                if (operands.isEmpty() || operands.size() > 2) {
                    throw new CliException(2, "expected GROUP [anyone|domain|members] (./govmail admin help)");
                }
                putGroup(operands.get(0), optional(operands, 1).orElse("anyone"));
                out.println("Group " + operands.get(0) + " created.");
            }
            case "group policy" -> {
                List<String> values = GovmailCli.exactly(operands, "GROUP", "POLICY");
                putGroup(values.get(0), values.get(1));
                out.println("Only " + values.get(1) + " may now send to " + values.get(0) + ".");
            }
            case "group add" -> {
                List<String> values = GovmailCli.exactly(operands, "GROUP", "MEMBER");
                if (!admin.exists(groupPath(values.get(0)))) {
                    putGroup(values.get(0), "anyone");
                }
                admin.post(groupPath(values.get(0)) + "/members", memberJson(values.get(1)));
                out.println(values.get(1) + " added to group " + values.get(0) + ".");
            }
            case "group remove" -> {
                List<String> values = GovmailCli.exactly(operands, "GROUP", "MEMBER");
                Map.Entry<String, String> member = member(values.get(1));
                admin.delete(groupPath(values.get(0)) + "/members?" + member.getKey() + "=" + WebAdminClient.segment(member.getValue()));
                out.println(values.get(1) + " removed from group " + values.get(0) + ".");
            }
            case "group list" -> listGroups(operands);
            case "group delete" -> {
                String group = GovmailCli.exactly(operands, "GROUP").get(0);
                admin.delete(groupPath(group));
                out.println("Group " + group + " deleted.");
            }
            case "role add" -> {
                List<String> values = GovmailCli.exactly(operands, "ROLE", "MEMBER");
                String json = admin.put("govmail/roles/" + WebAdminClient.segment(values.get(0)) + "/members/" + WebAdminClient.segment(values.get(1)), null).body();
                out.println(values.get(1) + " may now open " + values.get(0) + " with their own password. IMAP user name: "
                    + JsonText.field(json, "imapLogin").orElse("?"));
            }
            case "role remove" -> {
                List<String> values = GovmailCli.exactly(operands, "ROLE", "MEMBER");
                admin.delete("govmail/roles/" + WebAdminClient.segment(values.get(0)) + "/members/" + WebAdminClient.segment(values.get(1)));
                out.println(values.get(1) + " may no longer open " + values.get(0) + ".");
            }
            case "role list" -> {
                String json = operands.isEmpty() ? admin.get("govmail/roles").body()
                    : "[" + admin.get("govmail/roles/" + WebAdminClient.segment(GovmailCli.exactly(operands, "ROLE").get(0))).body() + "]";
                for (Map<String, Object> role : JsonText.objects(json)) {
                    out.println(role.get("role") + ": " + String.join(", ", asStrings(role.get("members"))));
                }
            }
            default -> {
                if (args.get(0).equals("report") && args.size() > 1) {
                    report(args.get(1), args.subList(2, args.size()));
                } else {
                    throw new CliException(2, "unknown command '" + String.join(" ", args) + "' (./govmail admin help)");
                }
            }
        }
    }

    private void listUnits(String query) {
        for (Map<String, Object> unit : JsonText.objects(admin.get("govmail/units?q=" + WebAdminClient.segment(query)).body())) {
            out.println(unit.get("id") + "\t" + unit.get("path") + "\t" + unit.get("accounts") + " account(s)");
        }
    }

    /** The id of the unit at PATH (accents and case optional), or a readable error. */
    private String unitId(String path) {
        String key = VietnameseText.searchKey(String.join("/", splitPath(path)));
        for (Map<String, Object> unit : JsonText.objects(admin.get("govmail/units").body())) {
            if (VietnameseText.searchKey(String.valueOf(unit.get("path"))).equals(key)) {
                return String.valueOf(unit.get("id"));
            }
        }
        throw new CliException(1, "unknown unit '" + path + "' (./govmail admin unit list)");
    }

    private static List<String> splitPath(String path) {
        List<String> names = new ArrayList<>();
        for (String name : path.split("/")) {
            if (!name.isBlank()) {
                names.add(VietnameseText.normalise(name));
            }
        }
        return names;
    }

    private void putGroup(String group, String policy) {
        admin.put(groupPath(group), JsonText.object("senderPolicy", policy));
    }

    private static String groupPath(String group) {
        return "govmail/groups/" + WebAdminClient.segment(group);
    }

    /** unit:PATH (unit:PATH/* with sub-units), a group address, or an account address. */
    private Map.Entry<String, String> member(String text) {
        if (text.startsWith("unit:")) {
            String path = text.substring("unit:".length());
            return Map.entry("unit", path.endsWith("/*") ? path.substring(0, path.length() - 2) : path);
        }
        return Map.entry(admin.exists(groupPath(text)) ? "group" : "user", text);
    }

    private String memberJson(String text) {
        Map.Entry<String, String> member = member(text);
        String json = JsonText.object(member.getKey(), member.getValue());
        return text.startsWith("unit:") && text.endsWith("/*") ? json.substring(0, json.length() - 1) + ",\"includeSubunits\":true}" : json;
    }

    private void listGroups(List<String> operands) {
        if (operands.isEmpty()) {
            for (Map<String, Object> group : JsonText.objects(admin.get("govmail/groups").body())) {
                out.println(group.get("address") + "\tsenders: " + group.get("senderPolicy") + "\t" + text(group.get("displayName")));
            }
            return;
        }
        String json = admin.get(groupPath(GovmailCli.exactly(operands, "GROUP").get(0))).body();
        out.println("senders: " + JsonText.field(json, "senderPolicy").orElse("?"));
        for (Map<String, Object> member : JsonText.objects(JsonText.field(json, "members", true).orElse("[]"))) {
            String suffix = Boolean.TRUE.equals(member.get("includeSubunits")) ? " (with sub-units)" : "";
            out.println(member.get("kind") + "\t" + member.get("member") + suffix);
        }
        out.println("reaches: " + String.join(", ", JsonText.list(JsonText.field(json, "recipients", true).orElse("[]"), "")));
    }

    private void report(String kind, List<String> options) {
        if (!List.of("domains", "units", "top").contains(kind)) {
            throw new CliException(2, "expected 'report domains', 'report units' or 'report top' (./govmail admin help)");
        }
        StringBuilder query = new StringBuilder("?format=");
        boolean csv = options.contains("--csv");
        query.append(csv ? "csv" : "json");
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (option.equals("--csv")) {
                continue;
            }
            if (!List.of("--domain", "--unit", "--limit").contains(option) || i + 1 >= options.size()) {
                throw new CliException(2, "unexpected '" + option + "': report options are --domain D, --unit PATH, --limit N, --csv");
            }
            query.append('&').append(option.substring(2)).append('=').append(WebAdminClient.segment(options.get(++i)));
        }
        String body = admin.get("govmail/reports/" + kind + query).body();
        if (csv) {
            out.print(body);
            return;
        }
        for (Map<String, Object> row : JsonText.objects(body)) {
            List<String> cells = new ArrayList<>();
            row.forEach((key, value) -> cells.add(key + "=" + text(value)));
            out.println(String.join("  ", cells));
        }
    }

    private static Optional<String> optional(List<String> operands, int index) {
        return operands.size() > index ? Optional.of(operands.get(index)) : Optional.empty();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> asStrings(Object value) {
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }
}
