package kensaku.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Escaping and the page frame shared by every server-rendered page. */
final class Html {
    private Html() {}

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A query string from ordered parameters; empty values are left out. */
    static String query(Map<String, List<String>> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, values) -> {
            for (String value : values) {
                if (value != null && !value.isEmpty()) {
                    query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(url(value));
                }
            }
        });
        return query.toString();
    }

    /** The article page's path: each segment of the id encoded, the slashes kept. */
    static String articlePath(String id) {
        StringBuilder path = new StringBuilder("/articles");
        for (String segment : id.split("/", -1)) {
            path.append('/').append(url(segment));
        }
        return path.toString();
    }

    /**
     * The frame of every page: the search form, a live region and the {@code main} landmark (the skip link's
     * target) around the body. The live region and {@code main} stay when the script swaps the region inside.
     */
    static String page(String title, String searchValue, String body) {
        return """
                <!doctype html>
                <html lang="ja">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
                <link rel="stylesheet" href="/static/kensaku.css">
                <script type="module" src="/static/kensaku.js"></script>
                </head>
                <body>
                <a class="skip" href="#main">本文へ移動</a>
                <header class="site">
                <a class="logo" href="/">kensaku <span lang="ja">検索</span></a>
                <form id="search-form" role="search" action="/" method="get">
                <label for="q" class="visually-hidden">検索語</label>
                <div class="combo">
                <input id="q" name="q" type="search" value="%s" placeholder="記事を検索（例：生成AI 投資）" autocomplete="off"
                 enterkeyhint="search" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="suggestions">
                <ul id="suggestions" role="listbox" aria-label="検索候補" hidden></ul>
                </div>
                <button type="submit">検索</button>
                </form>
                </header>
                <p id="live" class="visually-hidden" role="status" aria-live="polite"></p>
                <main id="main" tabindex="-1">
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(title), escape(searchValue), body);
    }
}
