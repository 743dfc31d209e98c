package vn.govmail.webmail.admin;

import static vn.govmail.webmail.admin.ApiPaths.segment;
import static vn.govmail.webmail.admin.ApiPaths.text;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import vn.govmail.webmail.api.PlatformApiException;
import vn.govmail.webmail.api.UserApiSession;

/** Aliases (James's) and distribution groups (govmail's) for the admin console. */
public final class AddressAdminService {
    public record Group(String address, String displayName, String senderPolicy) {
    }

    /** {@code kind} is {@code user}, {@code group} or {@code unit}; {@code member} an address or a unit path. */
    public record Member(String kind, String member) {
    }

    private final UserApiSession api;

    public AddressAdminService(UserApiSession api) {
        this.api = api;
    }

    /** The other addresses delivering to {@code address}. */
    public List<String> aliasesOf(String address) throws PlatformApiException {
        List<String> aliases = new ArrayList<>();
        for (JsonNode alias : api.get("address/aliases/" + segment(address.strip()))) {
            aliases.add(text(alias, "source"));
        }
        return aliases;
    }

    /** Mail to {@code alias} lands at {@code address}, who may also send as it. */
    public void addAlias(String alias, String address) throws PlatformApiException {
        api.call("PUT", "address/aliases/" + segment(address.strip()) + "/sources/" + segment(alias.strip()), null);
    }

    public void removeAlias(String alias, String address) throws PlatformApiException {
        api.call("DELETE", "address/aliases/" + segment(address.strip()) + "/sources/" + segment(alias.strip()), null);
    }

    public List<Group> groups() throws PlatformApiException {
        List<Group> groups = new ArrayList<>();
        for (JsonNode group : api.get("govmail/groups")) {
            groups.add(new Group(text(group, "address"), text(group, "displayName"), text(group, "senderPolicy")));
        }
        return groups;
    }

    /** A new group that anyone may write to (the sender policy stays a CLI matter). */
    public void createGroup(String address, String displayName) throws PlatformApiException {
        api.call("PUT", "govmail/groups/" + segment(address.strip()),
            UserApiSession.object().put("displayName", displayName.strip()).put("senderPolicy", "anyone"));
    }

    public List<Member> members(String group) throws PlatformApiException {
        List<Member> members = new ArrayList<>();
        for (JsonNode member : api.get("govmail/groups/" + segment(group)).path("members")) {
            members.add(new Member(text(member, "kind"), text(member, "member")));
        }
        return members;
    }

    /** Adds an account, or a group when {@code address} is one of the groups (nested). */
    public void addMember(String group, String address) throws PlatformApiException {
        String member = address.strip();
        boolean isGroup = groups().stream().anyMatch(existing -> existing.address().equalsIgnoreCase(member));
        api.call("POST", "govmail/groups/" + segment(group) + "/members", UserApiSession.object().put(isGroup ? "group" : "user", member));
    }

    public void removeMember(String group, Member member) throws PlatformApiException {
        api.call("DELETE", "govmail/groups/" + segment(group) + "/members?" + member.kind() + "=" + segment(member.member()), null);
    }
}
