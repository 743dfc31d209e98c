package vn.govmail.mailserver.organisation;

/** One node of the organisation tree: a sở, ban, UBND xã, or one of their phòng. Top-level units have no parent. */
public record Unit(long id, Long parentId, String name) {
}
