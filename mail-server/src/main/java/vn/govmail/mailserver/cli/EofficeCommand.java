package vn.govmail.mailserver.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import vn.govmail.eoffice.extract.AttachmentText;
import vn.govmail.eoffice.extract.MetadataExtractor;
import vn.govmail.eoffice.mail.MailMessageReader;
import vn.govmail.mailserver.eoffice.DocumentJson;

/** {@code govmail admin eoffice ...}: the document inbox from the command line (see {@link #USAGE}). */
final class EofficeCommand {
    static final String USAGE = """
        Usage: govmail admin eoffice COMMAND   (or: govmail eoffice COMMAND)
          extract FILE.eml                     print the metadata the bridge would record for that mail, as JSON
                                               (works without a running server)
          unit set UNIT NAME DOC_ADDRESS CLERK_MAILBOX [ORGANID]
                                               mail to DOC_ADDRESS becomes documents of UNIT; alerts go to CLERK_MAILBOX
          unit list                            list the units and their document addresses
          list [UNIT] [STATE]                  incoming documents (urgent first); STATE: cho-tiep-nhan, da-tiep-nhan,
                                               da-trinh, dang-xu-ly, hoan-thanh, tra-lai
          search UNIT TEXT...                  full-text search (with or without diacritics)
          show ID                              one document: metadata with confidence, attachments, warnings
          history ID                           every step of a document
          register ID                          tiếp nhận: assign the next số đến (the sender gets status 03)
          return ID REASON...                  trả lại with a reason (the sender gets status 02)
          present ID LEADER                    trình the document to a leader (address or name)
          direct ID LEAD [SUPPORT] [DEADLINE]  the leader's direction: lead, supporting (comma separated), yyyy-MM-dd
          complete ID [NOTE...]                hoàn thành (the sender gets status 06)
          export UNIT FROM TO FILE.csv         the sổ đăng ký văn bản đến for FROM..TO (yyyy-MM-dd) as CSV
          client add NAME [--unit UNIT]        a token for a client system (the province's QLVB software): it may
                                               only pull documents and push steps (of UNIT only when given);
                                               the token is printed once
          client list                          the client systems
          client revoke NAME                   the client's token stops working at once
        """;
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final WebAdminClient admin;
    private final PrintStream out;

    EofficeCommand(WebAdminClient admin, PrintStream out) {
        this.admin = admin;
        this.out = out;
    }

    /** Extraction reads a local file and needs no server (nor admin token). */
    static boolean isOffline(List<String> args) {
        return args.size() >= 2 && args.get(0).equals("eoffice") && args.get(1).equals("extract");
    }

    static void extract(List<String> operands, PrintStream out) {
        if (operands.size() != 1) {
            throw new CliException(2, "expected 'eoffice extract FILE.eml'");
        }
        Path file = Path.of(operands.get(0));
        try {
            MetadataExtractor.Extraction extraction = new MetadataExtractor(new AttachmentText())
                .extract(new MailMessageReader().read(Files.readAllBytes(file)));
            Map<String, Object> json = DocumentJson.metadata(extraction.metadata());
            json.put("isDocument", extraction.isDocument());
            out.println(PRETTY.writeValueAsString(json));
        } catch (IOException e) {
            throw new CliException(1, "cannot read " + file + ": " + e.getMessage());
        }
    }

    void run(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("help")) {
            out.print(USAGE);
            return;
        }
        List<String> operands = args.subList(1, args.size());
        switch (args.get(0)) {
            case "extract" -> extract(operands, out);
            case "unit" -> unit(operands);
            case "list" -> {
                String query = (operands.size() > 0 ? "&unit=" + WebAdminClient.segment(operands.get(0)) : "")
                    + (operands.size() > 1 ? "&state=" + WebAdminClient.segment(operands.get(1)) : "");
                printList(admin.get("govmail/eoffice/documents?limit=200" + query).body());
            }
            case "search" -> {
                if (operands.size() < 2) {
                    throw new CliException(2, "expected 'eoffice search UNIT TEXT...'");
                }
                printList(admin.get("govmail/eoffice/documents?unit=" + WebAdminClient.segment(operands.get(0)) + "&q="
                    + WebAdminClient.segment(String.join(" ", operands.subList(1, operands.size())))).body());
            }
            case "show" -> out.println(pretty(admin.get(document(operands, 1)).body()));
            case "history" -> {
                for (Map<String, Object> entry : JsonText.objects(admin.get(document(operands, 1) + "/history").body())) {
                    out.println(entry.get("at") + "  " + entry.get("actor") + "  " + entry.get("action") + "  " + entry.get("from") + " -> "
                        + entry.get("to") + (entry.get("note") == null ? "" : "  " + entry.get("note")));
                }
            }
            case "register" -> step(operands, 1, Map.of("state", "da-tiep-nhan"));
            case "return" -> step(operands, 2, Map.of("state", "tra-lai", "reason", rest(operands, 1)));
            case "present" -> step(operands, 2, Map.of("state", "da-trinh", "leader", operands.get(1)));
            case "direct" -> {
                Map<String, String> body = new java.util.LinkedHashMap<>(Map.of("state", "dang-xu-ly", "lead", operands.size() > 1 ? operands.get(1) : ""));
                if (operands.size() > 2) {
                    body.put("support", operands.get(2));
                }
                if (operands.size() > 3) {
                    body.put("deadline", operands.get(3));
                }
                step(operands, 2, body);
            }
            case "complete" -> step(operands, 1, operands.size() > 1 ? Map.of("state", "hoan-thanh", "note", rest(operands, 1))
                : Map.of("state", "hoan-thanh"));
            case "export" -> export(operands);
            case "client" -> client(operands);
            default -> throw new CliException(2, "unknown eoffice command '" + args.get(0) + "'\n" + USAGE);
        }
    }

    private void unit(List<String> operands) {
        if (operands.size() == 1 && operands.get(0).equals("list")) {
            for (Map<String, Object> unit : JsonText.objects(admin.get("govmail/eoffice/units").body())) {
                out.println(unit.get("unit") + "  " + unit.get("documentAddress") + "  (văn thư: " + unit.get("clerkMailbox") + ")  " + unit.get("name"));
            }
        } else if ((operands.size() == 5 || operands.size() == 6) && operands.get(0).equals("set")) {
            Map<String, String> body = new java.util.LinkedHashMap<>(Map.of("name", operands.get(2), "documentAddress", operands.get(3),
                "clerkMailbox", operands.get(4)));
            if (operands.size() == 6) {
                body.put("organId", operands.get(5));
            }
            admin.put("govmail/eoffice/units/" + WebAdminClient.segment(operands.get(1)), json(body));
            out.println("Unit " + operands.get(1) + ": mail to " + operands.get(3) + " now becomes incoming documents.");
        } else {
            throw new CliException(2, "expected 'eoffice unit set UNIT NAME DOC_ADDRESS CLERK_MAILBOX [ORGANID]' or 'eoffice unit list'");
        }
    }

    private void client(List<String> operands) {
        String usage = "expected 'eoffice client add NAME [--unit UNIT]', 'eoffice client list' or 'eoffice client revoke NAME'";
        String command = operands.isEmpty() ? "" : operands.get(0);
        if (command.equals("list") && operands.size() == 1) {
            for (Map<String, Object> client : JsonText.objects(admin.get("govmail/eoffice/clients").body())) {
                out.println(client.get("name") + "  unit: " + (client.get("unit") == null ? "(all)" : client.get("unit")) + "  created "
                    + client.get("createdAt") + (client.get("revokedAt") == null ? "" : "  REVOKED " + client.get("revokedAt")));
            }
        } else if (command.equals("add") && (operands.size() == 2 || operands.size() == 4 && operands.get(2).equals("--unit"))) {
            Map<String, String> body = new java.util.LinkedHashMap<>(Map.of("name", operands.get(1)));
            if (operands.size() == 4) {
                body.put("unit", operands.get(3));
            }
            String reply = admin.post("govmail/eoffice/clients", json(body)).body();
            out.println("Client " + operands.get(1) + " may now exchange documents" + (operands.size() == 4 ? " of unit " + operands.get(3) : "")
                + ". Its token (shown only now, give it to the client system):");
            out.println(JsonText.field(reply, "token").orElseThrow());
        } else if (command.equals("revoke") && operands.size() == 2) {
            admin.delete("govmail/eoffice/clients/" + WebAdminClient.segment(operands.get(1)));
            out.println("Client " + operands.get(1) + ": token revoked.");
        } else {
            throw new CliException(2, usage);
        }
    }

    private void step(List<String> operands, int minimum, Map<String, String> body) {
        if (operands.size() < minimum) {
            throw new CliException(2, "missing operands\n" + USAGE);
        }
        String reply = admin.post(document(operands, minimum) + "/state", json(body)).body();
        out.println("Document #" + operands.get(0) + ": " + JsonText.field(reply, "stateName").orElse("?")
            + JsonText.field(reply, "arrivalNumber").filter(n -> !n.equals("null")).map(n -> ", số đến " + n).orElse("")
            + JsonText.field(reply, "notified", true).filter(n -> !n.equals("[]")).map(n -> "; notified " + n).orElse(""));
    }

    private void export(List<String> operands) {
        if (operands.size() != 4) {
            throw new CliException(2, "expected 'eoffice export UNIT FROM TO FILE.csv'");
        }
        String csv = admin.get("govmail/eoffice/register?format=csv&unit=" + WebAdminClient.segment(operands.get(0)) + "&from="
            + WebAdminClient.segment(operands.get(1)) + "&to=" + WebAdminClient.segment(operands.get(2))).body();
        try {
            Files.writeString(Path.of(operands.get(3)), csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(1, "cannot write " + operands.get(3) + ": " + e.getMessage());
        }
        out.println("Register written to " + operands.get(3) + " (" + (csv.lines().count() - 1) + " documents).");
    }

    private void printList(String json) {
        for (Map<String, Object> document : JsonText.objects(json)) {
            out.println("#" + document.get("id") + "  " + document.get("stateName") + "  " + nullToDash(document.get("numberNotation")) + "  "
                + nullToDash(document.get("TypeName")) + "  " + nullToDash(document.get("Subject"))
                + (document.get("Priority") == null ? "" : "  [" + document.get("Priority") + "]")
                + (Boolean.TRUE.equals(document.get("secret")) ? "  [MẬT]" : "")
                + (document.get("duplicateOf") == null ? "" : "  [trùng #" + document.get("duplicateOf") + "]"));
        }
    }

    private static String document(List<String> operands, int minimum) {
        if (operands.size() < minimum || !operands.get(0).matches("\\d+")) {
            throw new CliException(2, "expected a document number (ID), see 'govmail admin eoffice help'");
        }
        return "govmail/eoffice/documents/" + operands.get(0);
    }

    private static String rest(List<String> operands, int from) {
        return operands.size() > from ? String.join(" ", operands.subList(from, operands.size())) : "";
    }

    private static String nullToDash(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static String json(Map<String, String> body) {
        try {
            return PRETTY.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pretty(String json) {
        try {
            return PRETTY.writeValueAsString(PRETTY.readTree(json));
        } catch (IOException e) {
            return json;
        }
    }
}
