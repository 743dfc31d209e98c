package vn.govmail.mailserver.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot of the whole organisation tree (a province has hundreds of units, so it is read at once and walked
 * in memory). Paths are unit names joined by {@code /}, e.g. "Sở Nội vụ/Phòng Tổ chức"; path lookups ignore
 * case and diacritics.
 */
public final class UnitTree {
    public static final String SEPARATOR = "/";

    private final Map<Long, Unit> units = new HashMap<>();
    private final Map<Long, String> keys = new HashMap<>();
    private final Map<Long, List<Unit>> children = new HashMap<>();

    public UnitTree(Collection<Unit> all) {
        this(all, Map.of());
    }

    /** {@code knownKeys}: search keys already computed, by unit id (folding every name again is the costly part). */
    private UnitTree(Collection<Unit> all, Map<Long, String> knownKeys) {
        for (Unit unit : all) {
            units.put(unit.id(), unit);
            keys.put(unit.id(), knownKeys.containsKey(unit.id()) ? knownKeys.get(unit.id()) : VietnameseText.searchKey(unit.name()));
        }
        for (Unit unit : all) {
            children.computeIfAbsent(unit.parentId() == null ? 0L : unit.parentId(), id -> new ArrayList<>()).add(unit);
        }
        children.values().forEach(list -> list.sort(Comparator.comparing((Unit unit) -> keys.get(unit.id()))));
    }

    /** This tree with some units added (no database read). */
    public UnitTree withAdded(Collection<Unit> added) {
        List<Unit> all = new ArrayList<>(units.values());
        all.addAll(added);
        return new UnitTree(all, keys);
    }

    /** The child of {@code parentId} (null: top level) whose name has this search key. */
    public Optional<Unit> child(Long parentId, String nameKey) {
        return children(parentId).stream().filter(unit -> keys.get(unit.id()).equals(nameKey)).findFirst();
    }

    public Optional<Unit> get(long id) {
        return Optional.ofNullable(units.get(id));
    }

    public List<Unit> children(Long parentId) {
        return children.getOrDefault(parentId == null ? 0L : parentId, List.of());
    }

    /** Every unit, parents before children, siblings in alphabetical order. */
    public List<Unit> all() {
        List<Unit> ordered = new ArrayList<>();
        addSubtree(null, ordered);
        return ordered;
    }

    private void addSubtree(Long parentId, List<Unit> ordered) {
        for (Unit child : children(parentId)) {
            ordered.add(child);
            addSubtree(child.id(), ordered);
        }
    }

    public String path(Unit unit) {
        List<String> names = new ArrayList<>();
        for (Unit current = unit; current != null; current = current.parentId() == null ? null : units.get(current.parentId())) {
            names.add(0, current.name());
        }
        return String.join(SEPARATOR, names);
    }

    /** The unit itself and all units below it. */
    public Set<Long> subtree(long id) {
        Set<Long> ids = new LinkedHashSet<>();
        List<Long> pending = new ArrayList<>(List.of(id));
        while (!pending.isEmpty()) {
            long current = pending.remove(pending.size() - 1);
            if (ids.add(current)) {
                children(current).forEach(child -> pending.add(child.id()));
            }
        }
        return ids;
    }

    public Optional<Unit> findByPath(String path) {
        Unit found = null;
        for (String name : splitPath(path)) {
            found = child(found == null ? null : found.id(), VietnameseText.searchKey(name)).orElse(null);
            if (found == null) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The names of a path, normalised; blank segments ("A//B", trailing "/") are ignored. */
    public static List<String> splitPath(String path) {
        List<String> names = new ArrayList<>();
        for (String segment : path.split(SEPARATOR)) {
            String name = VietnameseText.normalise(segment);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
