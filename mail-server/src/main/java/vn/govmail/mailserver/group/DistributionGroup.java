package vn.govmail.mailserver.group;

import java.util.Locale;

import vn.govmail.mailserver.organisation.OrganisationException;

/** A distribution group address (e.g. lanhdao@laichau.gov.vn) and who may send to it. */
public record DistributionGroup(String address, String displayName, SenderPolicy senderPolicy) {
    public enum SenderPolicy {
        /** Anyone, including other servers on port 25. */
        ANYONE,
        /** Authenticated users of the group's domain. */
        DOMAIN,
        /** Authenticated users who are (directly or through nested groups and units) members of the group. */
        MEMBERS;

        public static SenderPolicy parse(String text) throws OrganisationException {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw OrganisationException.invalid("senderPolicy: '" + text + "' is not one of anyone, domain, members");
            }
        }

        public String asText() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One member: an account, another group (nested), or a unit (its accounts, optionally with its sub-units'). */
    public record Member(Kind kind, String value, boolean includeSubunits) {
    }

    public enum Kind {
        USER, GROUP, UNIT;

        public String asText() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public String domain() {
        return address.substring(address.indexOf('@') + 1);
    }
}
