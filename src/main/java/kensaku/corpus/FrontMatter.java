package kensaku.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * The metadata block at the top of an article — YAML between {@code ---} lines (Jekyll, Hugo) or TOML between
 * {@code +++} lines (Hugo) — and the body that follows it. Keys are read case-insensitively.
 */
record FrontMatter(Map<String, Object> values, String body) {
    /** Thrown for front matter that is present but cannot be read; the message names the problem. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    static FrontMatter split(String text) throws Invalid {
        String fence = text.startsWith("---\n") || text.equals("---") ? "---"
                : text.startsWith("+++\n") ? "+++" : null;
        if (fence == null) {
            return new FrontMatter(Map.of(), text);
        }
        int end = closingFence(text, fence);
        if (end < 0) {
            throw new Invalid("front matter: no closing '" + fence + "' line");
        }
        String block = text.substring(fence.length() + 1, end);
        int bodyStart = text.indexOf('\n', end + 1);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        Map<String, Object> values = fence.equals("---") ? yaml(block) : toml(block);
        return new FrontMatter(lowerCaseKeys(values), body);
    }

    Optional<String> string(String... keys) {
        for (String key : keys) {
            Object value = values.get(key);
            if (value instanceof List<?> list && !list.isEmpty()) {
                value = list.get(0);
            }
            if (value != null && !(value instanceof Map) && !value.toString().isBlank()) {
                return Optional.of(value.toString().strip());
            }
        }
        return Optional.empty();
    }

    Optional<Object> raw(String... keys) {
        for (String key : keys) {
            if (values.get(key) != null) {
                return Optional.of(values.get(key));
            }
        }
        return Optional.empty();
    }

    /** A list field: a list, or a single value as a one-element list; trimmed, blanks and duplicates dropped. */
    List<String> list(String... keys) {
        LinkedHashSet<String> items = new LinkedHashSet<>();
        for (String key : keys) {
            Object value = values.get(key);
            List<?> raw = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
            for (Object item : raw) {
                if (item != null && !(item instanceof Map) && !(item instanceof List)) {
                    String text = item.toString().strip();
                    if (!text.isEmpty()) {
                        items.add(text);
                    }
                }
            }
        }
        return List.copyOf(items);
    }

    private static int closingFence(String text, String fence) {
        int at = fence.length();
        while (at >= 0 && at < text.length()) {
            int lineStart = at + 1;
            int lineEnd = text.indexOf('\n', lineStart);
            String line = lineEnd < 0 ? text.substring(lineStart) : text.substring(lineStart, lineEnd);
            if (line.strip().equals(fence)) {
                return lineStart - 1;
            }
            at = lineEnd;
        }
        return -1;
    }

    private static Map<String, Object> yaml(String block) throws Invalid {
        if (block.isBlank()) {
            return Map.of();
        }
        LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(true).setMaxAliasesForCollections(50)
                .setCodePointLimit(5 * 1024 * 1024).build();
        Object parsed;
        try {
            parsed = new Load(settings).loadFromString(block);
        } catch (YamlEngineException e) {
            throw new Invalid("front matter: YAML error: " + oneLine(e.getMessage()));
        }
        if (parsed == null) {
            return Map.of();
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new Invalid("front matter: YAML is a " + parsed.getClass().getSimpleName() + ", not key: value pairs");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((key, value) -> values.put(String.valueOf(key), value));
        return values;
    }

    private static Map<String, Object> toml(String block) throws Invalid {
        TomlParseResult result = Toml.parse(block);
        if (result.hasErrors()) {
            throw new Invalid("front matter: TOML error: " + oneLine(result.errors().get(0).toString()));
        }
        return plain(result);
    }

    private static Map<String, Object> plain(TomlTable table) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : table.keySet()) {
            values.put(key, plainValue(table.get(List.of(key))));
        }
        return values;
    }

    private static Object plainValue(Object value) {
        if (value instanceof TomlTable table) {
            return plain(table);
        }
        if (value instanceof TomlArray array) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                items.add(plainValue(array.get(i)));
            }
            return items;
        }
        return value;
    }

    private static Map<String, Object> lowerCaseKeys(Map<String, Object> values) {
        Map<String, Object> lower = new LinkedHashMap<>();
        values.forEach((key, value) -> lower.putIfAbsent(key.toLowerCase(Locale.ROOT), value));
        return lower;
    }

    private static String oneLine(String message) {
        return message == null ? "unreadable" : message.replaceAll("\\s+", " ").strip();
    }
}
