package kensaku.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import kensaku.search.BadRequestException;

/**
 * Checks the query string as it came over the wire. Jetty decodes parameters leniently: {@code company=NVIDIA%}
 * or {@code q=AI%2} lose the parameter silently and answer a different search than the one asked. Here a
 * malformed percent-escape, or escapes that are not UTF-8, are a 400 naming the parameter.
 */
final class RawQuery {
    private RawQuery() {}

    static void check(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&", -1)) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            String name = decodes(rawName) ? decode(rawName) : printable(rawName);
            if (!decodes(rawName) || !decodes(rawValue)) {
                throw new BadRequestException(name, "invalid_encoding",
                        "parameter " + name + " is not valid percent-encoded UTF-8");
            }
        }
    }

    private static boolean decodes(String raw) {
        try {
            decode(raw);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Strict: every % followed by two hex digits, and the bytes valid UTF-8. */
    static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException("bad escape at " + i);
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
    }

    /** A name that does not decode, shown without its escapes' damage: the raw text, cut short. */
    private static String printable(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) : raw;
    }
}
