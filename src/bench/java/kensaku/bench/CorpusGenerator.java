package kensaku.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import kensaku.analysis.CompanyGazetteer;

/**
 * Writes a deterministic benchmark corpus: N articles in the corpus format (YAML {@code ---} and TOML {@code +++}
 * front matter), bodies made of paragraphs drawn from seed text, with Zipf-distributed tags and company mentions
 * (English and katakana aliases from the gazetteer), a long tail of rare product names, dates over ten years and
 * log-normal sizes (median ≈ 6 KB, capped at 60 KB). Article {@code i} depends only on the seed, {@code i} and the
 * text pool, so the same inputs give byte-identical files.
 */
public final class CorpusGenerator {
    static final long START_EPOCH_SECOND = OffsetDateTime.of(2016, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(9)).toEpochSecond();
    static final long TEN_YEARS_SECONDS = 3653L * 24 * 3600;
    private static final int MEDIAN_BYTES = 6_000;
    private static final double SIZE_SIGMA = 0.75;
    private static final int MIN_BYTES = 800;
    private static final int MAX_BYTES = 60_000;
    private static final int TAG_VOCABULARY = 400;
    private static final int RARE_NAME_SPACE = 200_000;
    private static final Pattern KATAKANA_RUN = Pattern.compile("[\\p{IsKatakana}ー]{3,12}");
    private static final String[] SYLLABLES = ("ア イ ウ エ オ カ キ ク ケ コ サ シ ス セ ソ タ チ ツ テ ト ナ ニ ヌ ネ ノ "
            + "ハ ヒ フ ヘ ホ マ ミ ム メ モ ヤ ユ ヨ ラ リ ル レ ロ ワ ン ガ ギ グ ゲ ゴ ザ ジ ズ ゼ ゾ ダ デ ド バ ビ ブ ベ ボ "
            + "パ ピ プ ペ ポ").split(" ");
    private static final String[] MENTIONS = {
            "%sは新サービス「%s」を発表した。",
            "%sの担当者によれば、「%s」の導入は来年度に本格化する見通しだ。",
            "業界関係者の間では、%sが「%s」で先行しているとの見方が強い。",
            "%sは%sとの提携を視野に入れているという。",
            "今回の発表を受けて、%sの株価は一時上昇した。%sについての詳細は明らかにされていない。",
            "%sが公開した資料には「%s」の名前も記されていた。",
    };
    private static final String[] SEED_TAGS = {"AIニュース", "GenAI", "速報", "クラウド", "半導体", "生成AI", "業界別AI活用",
            "セキュリティ", "データ分析", "ロボティクス", "投資", "規制", "スタートアップ", "オープンソース", "研究"};
    private static final String[] CATEGORIES = {"AI News", "業界別AI活用", "テクノロジー", "ビジネス", "解説"};
    private static final String[] AUTHORS = {"ALLFORCES編集部", "山田 太郎", "佐藤 花子", "鈴木 一郎", "編集部", ""};

    private final List<String> paragraphs;
    private final List<String> tags;
    private final List<CompanyGazetteer.Company> companies;
    private final Zipf paragraphRank;
    private final Zipf tagRank;
    private final Zipf companyRank;
    private final Zipf rareRank;

    /** A generator over a pool of paragraphs (seed bodies and extra text) and the gazetteer's companies. */
    public CorpusGenerator(List<String> paragraphs, CompanyGazetteer gazetteer) {
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("no text to generate from");
        }
        // A fixed shuffle, so the most frequent paragraphs mix seed articles and extra text.
        List<String> shuffled = new ArrayList<>(paragraphs);
        SplittableRandom order = new SplittableRandom(0x5EED);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            java.util.Collections.swap(shuffled, i, order.nextInt(i + 1));
        }
        this.paragraphs = List.copyOf(shuffled);
        this.companies = List.copyOf(gazetteer.companies());
        this.tags = tagVocabulary(this.paragraphs);
        this.paragraphRank = new Zipf(this.paragraphs.size(), 0.6);
        this.tagRank = new Zipf(tags.size(), 1.0);
        this.companyRank = new Zipf(companies.size(), 1.1);
        this.rareRank = new Zipf(RARE_NAME_SPACE, 1.0);
    }

    /** Paragraphs of the seed articles under {@code seeds} (front matter removed) and of each extra text source. */
    public static List<String> textPool(Path seeds, List<Path> extra) throws IOException {
        List<String> pool = new ArrayList<>();
        for (Path file : sortedFiles(seeds)) {
            pool.addAll(paragraphsOf(stripFrontMatter(Files.readString(file, StandardCharsets.UTF_8))));
        }
        for (Path source : extra) {
            for (Path file : sortedFiles(source)) {
                pool.addAll(paragraphsOf(readText(file)));
            }
        }
        return pool.stream().distinct().toList();
    }

    /** Writes articles {@code 0 … docs-1} under {@code out}, one folder per year; returns the bytes written. */
    public long write(Path out, int docs, long seed) throws IOException {
        long bytes = 0;
        for (int i = 0; i < docs; i++) {
            GeneratedArticle article = article(seed, i);
            Path file = out.resolve(article.relativePath());
            Files.createDirectories(file.getParent());
            byte[] content = article.text().getBytes(StandardCharsets.UTF_8);
            Files.write(file, content);
            bytes += content.length;
        }
        return bytes;
    }

    /** One generated article: where it goes and its whole text. */
    public record GeneratedArticle(String relativePath, String text) {
        public GeneratedArticle {
            Objects.requireNonNull(relativePath);
            Objects.requireNonNull(text);
        }
    }

    /** Article {@code index} of the corpus generated with {@code seed}. */
    public GeneratedArticle article(long seed, int index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        Instant date = Instant.ofEpochSecond(START_EPOCH_SECOND + random.nextLong(TEN_YEARS_SECONDS));
        int targetBytes = targetBytes(random);
        List<CompanyGazetteer.Company> mentioned = pick(random, companyRank, companies, geometric(random, 0.55, 6));
        List<String> articleTags = pick(random, tagRank, tags, 1 + random.nextInt(5));
        for (CompanyGazetteer.Company company : mentioned) {
            if (random.nextDouble() < 0.3 && !articleTags.contains(company.canonical())) {
                articleTags.add(company.canonical());
            }
        }
        String rare = rareName(rareRank.sample(random));
        String title = title(random, mentioned, rare);
        StringBuilder body = new StringBuilder();
        List<String> mentionSentences = new ArrayList<>();
        for (CompanyGazetteer.Company company : mentioned) {
            int times = 1 + random.nextInt(3);
            for (int t = 0; t < times; t++) {
                String template = MENTIONS[random.nextInt(MENTIONS.length)];
                mentionSentences.add(template.formatted(alias(random, company), rareName(rareRank.sample(random))));
            }
        }
        while (utf8Length(body) < targetBytes) {
            if (random.nextDouble() < 0.12) {
                body.append("## ").append(heading(random)).append("\n\n");
            }
            String paragraph = paragraphs.get(paragraphRank.sample(random));
            if (!mentionSentences.isEmpty() && random.nextDouble() < 0.35) {
                paragraph = mentionSentences.remove(mentionSentences.size() - 1) + paragraph;
            }
            body.append(paragraph).append("\n\n");
        }
        for (String sentence : mentionSentences) {
            body.append(sentence).append("\n\n");
        }
        String excerpt = excerpt(body);
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        String author = AUTHORS[random.nextInt(AUTHORS.length)];
        boolean toml = random.nextDouble() < 0.3;
        String front = toml ? toml(random, title, date, articleTags, category, author, excerpt)
                : yaml(random, title, date, articleTags, category, author, excerpt);
        String year = Integer.toString(date.atOffset(ZoneOffset.ofHours(9)).getYear());
        String name = String.format(Locale.ROOT, "%07d.md", index);
        return new GeneratedArticle(year + "/" + name, front + "\n" + body);
    }

    private int targetBytes(SplittableRandom random) {
        double gaussian = gaussian(random);
        long bytes = Math.round(MEDIAN_BYTES * StrictMath.exp(SIZE_SIGMA * gaussian));
        return (int) Math.max(MIN_BYTES, Math.min(MAX_BYTES, bytes));
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller, so the sequence depends only on SplittableRandom's documented algorithm.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }

    private static int geometric(SplittableRandom random, double p, int max) {
        int n = 0;
        while (n < max && random.nextDouble() < p) {
            n++;
        }
        return n;
    }

    private static <T> List<T> pick(SplittableRandom random, Zipf rank, List<T> from, int count) {
        LinkedHashSet<T> chosen = new LinkedHashSet<>();
        for (int attempt = 0; chosen.size() < Math.min(count, from.size()) && attempt < count * 10; attempt++) {
            chosen.add(from.get(rank.sample(random)));
        }
        return new ArrayList<>(chosen);
    }

    private static String alias(SplittableRandom random, CompanyGazetteer.Company company) {
        List<String> aliases = company.aliases();
        String alias = aliases.isEmpty() ? company.canonical() : aliases.get(random.nextInt(aliases.size()));
        return alias.startsWith("=") ? alias.substring(1) : alias;
    }

    private String title(SplittableRandom random, List<CompanyGazetteer.Company> mentioned, String rare) {
        String phrase = firstSentence(paragraphs.get(paragraphRank.sample(random)), 28);
        if (!mentioned.isEmpty() && random.nextDouble() < 0.7) {
            return alias(random, mentioned.get(0)) + "、" + phrase;
        }
        return random.nextDouble() < 0.3 ? "「" + rare + "」" + phrase : phrase;
    }

    private String heading(SplittableRandom random) {
        return firstSentence(paragraphs.get(paragraphRank.sample(random)), 20);
    }

    private static String firstSentence(String paragraph, int maxCodePoints) {
        String text = paragraph.replaceAll("^[#>*\\-\\s]+", "");
        int end = text.indexOf('。');
        if (end > 0) {
            text = text.substring(0, end);
        }
        if (text.codePointCount(0, text.length()) > maxCodePoints) {
            text = text.substring(0, text.offsetByCodePoints(0, maxCodePoints));
        }
        text = text.replace('"', '”').replace('\\', '＼').strip();
        return text.isEmpty() ? "無題" : text;
    }

    private static String excerpt(CharSequence body) {
        String text = body.toString().replaceAll("(?m)^## .*$", "").replaceAll("\\s+", " ").strip();
        return firstSentence(text, 60);
    }

    static String rareName(int rank) {
        // A pseudo-word per rank: a long tail of distinct names, most seen once or twice in the corpus.
        StringBuilder name = new StringBuilder();
        int n = rank + 1;
        do {
            name.append(SYLLABLES[n % SYLLABLES.length]);
            n /= SYLLABLES.length;
        } while (n > 0);
        if (name.length() < 3) {
            name.append("ー").append(SYLLABLES[(rank * 7) % SYLLABLES.length]);
        }
        return name.toString();
    }

    private static final DateTimeFormatter YAML_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx", Locale.ROOT);

    private static String yaml(SplittableRandom random, String title, Instant date, List<String> tags, String category,
                               String author, String excerpt) {
        StringBuilder y = new StringBuilder("---\n");
        y.append("title: \"").append(title).append("\"\n");
        OffsetDateTime when = date.atOffset(random.nextBoolean() ? ZoneOffset.UTC : ZoneOffset.ofHours(9));
        y.append("date: ").append(random.nextBoolean() ? YAML_DATE.format(when) : when.toString()).append('\n');
        boolean block = random.nextBoolean();
        list(y, "categories", List.of(category), block);
        list(y, "tags", tags, block);
        if (!author.isEmpty()) {
            y.append("author: \"").append(author).append("\"\n");
        }
        y.append("excerpt: \"").append(excerpt).append("\"\n");
        return y.append("---\n").toString();
    }

    private static void list(StringBuilder y, String key, List<String> values, boolean block) {
        if (block) {
            y.append(key).append(":\n");
            values.forEach(v -> y.append("  - \"").append(v).append("\"\n"));
        } else {
            y.append(key).append(": [").append(String.join(", ", values.stream().map(v -> "\"" + v + "\"").toList()))
                    .append("]\n");
        }
    }

    private static String toml(SplittableRandom random, String title, Instant date, List<String> tags, String category,
                               String author, String excerpt) {
        StringBuilder t = new StringBuilder("+++\n");
        t.append("title = \"").append(title).append("\"\n");
        t.append("date = \"").append(date.atOffset(ZoneOffset.ofHours(9))).append("\"\n");
        t.append("categories = [\"").append(category).append("\"]\n");
        t.append("tags = [").append(String.join(", ", tags.stream().map(v -> "\"" + v + "\"").toList())).append("]\n");
        if (!author.isEmpty()) {
            t.append("author = \"").append(author).append("\"\n");
        }
        t.append("description = \"").append(excerpt).append("\"\n");
        random.nextInt(); // keeps YAML and TOML articles drawing the same amount, so neither shifts the other
        return t.append("+++\n").toString();
    }

    private static List<String> tagVocabulary(List<String> paragraphs) {
        Map<String, Integer> counts = new HashMap<>();
        for (String paragraph : paragraphs) {
            Matcher m = KATAKANA_RUN.matcher(paragraph);
            while (m.find()) {
                counts.merge(m.group(), 1, Integer::sum);
            }
        }
        List<String> vocabulary = new ArrayList<>(List.of(SEED_TAGS));
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .filter(tag -> !vocabulary.contains(tag))
                .limit(TAG_VOCABULARY - vocabulary.size())
                .forEach(vocabulary::add);
        return List.copyOf(vocabulary);
    }

    private static List<Path> sortedFiles(Path source) throws IOException {
        if (Files.isRegularFile(source)) {
            return List.of(source);
        }
        try (Stream<Path> files = Files.walk(source)) {
            return files.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    private static String readText(Path file) throws IOException {
        if (file.getFileName().toString().endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                StringBuilder text = new StringBuilder();
                reader.lines().forEach(line -> text.append(line).append("\n\n"));
                return text.toString();
            }
        }
        return stripFrontMatter(Files.readString(file, StandardCharsets.UTF_8));
    }

    static String stripFrontMatter(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        t = t.replace("\r\n", "\n");
        for (String fence : List.of("---", "+++")) {
            if (t.startsWith(fence + "\n")) {
                int end = t.indexOf("\n" + fence + "\n", fence.length());
                if (end > 0) {
                    return t.substring(end + fence.length() + 2);
                }
            }
        }
        return t;
    }

    private static List<String> paragraphsOf(String text) {
        List<String> result = new ArrayList<>();
        for (String block : text.split("\n\\s*\n")) {
            String paragraph = block.replace('\n', ' ').strip();
            if (paragraph.codePointCount(0, paragraph.length()) >= 12 && !paragraph.startsWith("---")
                    && !paragraph.startsWith("#")) {
                result.add(paragraph);
            }
        }
        return result;
    }

    private static int utf8Length(CharSequence text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** Zipf over ranks {@code 0 … n-1} with exponent {@code s}, by inverse transform over the cumulative weights. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += 1.0 / StrictMath.pow(k + 1, s);
                cumulative[k] = sum;
            }
            for (int k = 0; k < n; k++) {
                cumulative[k] /= sum;
            }
        }

        int sample(SplittableRandom random) {
            double u = random.nextDouble();
            int low = 0;
            int high = cumulative.length - 1;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (cumulative[mid] < u) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }
}
