package vn.govmail.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The command line: {@code <scenario> [options] [--target NAME [target options]]...}. Options given before the
 * first {@code --target} are defaults for every target; a target's own options override them.
 */
final class BenchOptions {
    private static final Set<String> TARGET_OPTIONS = Set.of("smtp", "imap", "imap-tls", "users", "user-count", "password", "pids", "data");

    final String scenario;
    final List<Target> targets = new ArrayList<>();
    private final Map<String, String> global = new LinkedHashMap<>();

    BenchOptions(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new IllegalArgumentException("name a scenario first: smtp, imap, mixed or idle");
        }
        scenario = args[0];
        List<Map.Entry<String, Map<String, String>>> targetOptions = new ArrayList<>();
        Map<String, String> current = global;
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + args[i] + "'");
            }
            String key = args[i].substring(2);
            String value = args[++i];
            if (key.equals("target")) {
                current = new LinkedHashMap<>();
                targetOptions.add(Map.entry(value, current));
            } else {
                current.put(key, value);
            }
        }
        if (targetOptions.isEmpty()) {
            targetOptions.add(Map.entry("server", new LinkedHashMap<>()));
        }
        for (Map.Entry<String, Map<String, String>> entry : targetOptions) {
            targets.add(target(entry.getKey(), entry.getValue()));
        }
    }

    private Target target(String name, Map<String, String> own) {
        own.keySet().stream().filter(key -> !TARGET_OPTIONS.contains(key)).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("--" + key + " is not a target option: put it before the first --target");
        });
        Map<String, String> merged = new LinkedHashMap<>(global);
        merged.putAll(own);
        return new Target(name,
            Endpoint.parse(required(merged, "smtp", name)),
            Endpoint.parse(required(merged, "imap", name)),
            TlsMode.parse(merged.getOrDefault("imap-tls", "none")),
            merged.getOrDefault("users", "user%d@bench.gov.vn"),
            Integer.parseInt(merged.getOrDefault("user-count", "100")),
            required(merged, "password", name),
            list(merged.get("pids")).stream().map(Long::parseLong).toList(),
            list(merged.get("data")).stream().map(Path::of).toList());
    }

    private static String required(Map<String, String> options, String key, String target) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("target " + target + " needs --" + key);
        }
        return value;
    }

    private static List<String> list(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    String text(String key, String fallback) {
        return global.getOrDefault(key, fallback);
    }

    int number(String key, int fallback) {
        return Integer.parseInt(global.getOrDefault(key, Integer.toString(fallback)));
    }

    List<String> texts(String key, String fallback) {
        return list(global.getOrDefault(key, fallback));
    }

    List<Integer> numbers(String key, String fallback) {
        return texts(key, fallback).stream().map(Integer::parseInt).toList();
    }

    /** Sizes like {@code 4k,100k,2048}. */
    List<Integer> sizes(String key, String fallback) {
        return texts(key, fallback).stream().map(BenchOptions::size).toList();
    }

    static int size(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.endsWith("k")) {
            return Integer.parseInt(lower.substring(0, lower.length() - 1)) * 1024;
        }
        return Integer.parseInt(lower);
    }

    static String sizeLabel(int bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " B";
    }
}
