package kensaku.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.javalin.json.JavalinJackson;

/** JSON as the API speaks it: snake_case names, nulls written out so every field is always present. */
final class JsonMapping {
    private JsonMapping() {}

    static JavalinJackson mapper() {
        ObjectMapper mapper = new ObjectMapper().setPropertyNamingStrategy(new ApiNames());
        return new JavalinJackson(mapper, false);
    }

    /** snake_case, with the one unit-bearing name shortened as the API documents it. */
    private static final class ApiNames extends PropertyNamingStrategies.SnakeCaseStrategy {
        @Override
        public String translate(String name) {
            return "tookMillis".equals(name) ? "took_ms" : super.translate(name);
        }
    }
}
