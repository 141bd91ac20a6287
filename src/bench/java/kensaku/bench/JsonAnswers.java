package kensaku.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** What both engines' answer readers share: a streaming parser over the answer's bytes. */
final class JsonAnswers {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonAnswers() {}

    static JsonParser parser(byte[] body) throws IOException {
        return JSON.createParser(body);
    }

    /** Moves to the next token, which must be {@code token}. */
    static void expect(JsonParser json, JsonToken token) throws IOException {
        if (json.nextToken() != token) {
            throw new IOException("expected " + token + " at " + json.currentLocation());
        }
    }
}
