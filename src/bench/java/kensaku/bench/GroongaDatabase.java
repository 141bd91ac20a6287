package kensaku.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kensaku.analysis.CompanyGazetteer;
import kensaku.corpus.Article;
import kensaku.corpus.ArticleReader;
import kensaku.corpus.ReadResult;

/**
 * Builds a Groonga database holding the same articles kensaku indexes (read by kensaku's own reader, companies by
 * the same gazetteer): title, body text, date, month, tags, companies. The load is timed apart from preparing the
 * load file, and the full-text indexes (TokenMecab, NormalizerAuto) are built after the load, Groonga's fastest
 * way (static index construction); the timed figure covers both.
 */
final class GroongaDatabase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);
    private static final String SCHEMA = """
            table_create Tags TABLE_HASH_KEY ShortText
            table_create Companies TABLE_HASH_KEY ShortText
            table_create Months TABLE_HASH_KEY ShortText
            table_create Articles TABLE_HASH_KEY ShortText
            column_create Articles title COLUMN_SCALAR ShortText
            column_create Articles body COLUMN_SCALAR LongText
            column_create Articles date COLUMN_SCALAR Time
            column_create Articles month COLUMN_SCALAR Months
            column_create Articles tags COLUMN_VECTOR Tags
            column_create Articles companies COLUMN_VECTOR Companies
            table_create Synonyms TABLE_HASH_KEY ShortText --normalizer NormalizerAuto
            column_create Synonyms words COLUMN_VECTOR ShortText
            """;
    private static final String INDEXES = """
            table_create Terms TABLE_PAT_KEY ShortText --default_tokenizer TokenMecab --normalizer NormalizerAuto
            column_create Terms articles_title COLUMN_INDEX|WITH_POSITION Articles title
            column_create Terms articles_body COLUMN_INDEX|WITH_POSITION Articles body
            column_create Tags articles_tags COLUMN_INDEX Articles tags
            column_create Companies articles_companies COLUMN_INDEX Articles companies
            column_create Months articles_month COLUMN_INDEX Articles month
            table_create Dates TABLE_PAT_KEY Time
            column_create Dates articles_date COLUMN_INDEX Articles date
            """;

    /** What building the database took. */
    record Load(int articles, long loadMillis, long indexMillis, long peakRssBytes, long databaseBytes) {
        long totalMillis() {
            return loadMillis + indexMillis;
        }
    }

    private final Path groonga;
    private final Path folder;

    GroongaDatabase(Path groonga, Path folder) {
        this.groonga = groonga;
        this.folder = folder;
    }

    Path database() {
        return folder.resolve("db");
    }

    Load build(Path corpus, ZoneId zone, CompanyGazetteer gazetteer) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path schemaFile = folder.resolve("schema.grn");
        Path loadFile = folder.resolve("load.grn");
        Path indexFile = folder.resolve("indexes.grn");
        Files.writeString(schemaFile, SCHEMA + synonyms(gazetteer), StandardCharsets.UTF_8);
        Files.writeString(indexFile, INDEXES, StandardCharsets.UTF_8);
        int articles = writeLoadFile(corpus, zone, gazetteer, loadFile);
        run(List.of(groonga.toString(), "-n", database().toString()), schemaFile, folder.resolve("schema.out"));
        long[] peak = {0};
        long t0 = System.nanoTime();
        peak[0] = Math.max(peak[0], run(List.of(groonga.toString(), database().toString()), loadFile, folder.resolve("load.out")));
        long t1 = System.nanoTime();
        peak[0] = Math.max(peak[0], run(List.of(groonga.toString(), database().toString()), indexFile, folder.resolve("indexes.out")));
        long t2 = System.nanoTime();
        Files.delete(loadFile);
        long bytes = 0;
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("db")).toList()) {
                bytes += Files.size(file);
            }
        }
        return new Load(articles, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, peak[0], bytes);
    }

    private static String synonyms(CompanyGazetteer gazetteer) throws IOException {
        // Every alias of a company expands to all of them, as kensaku's query-time company synonyms do.
        Map<String, String> expansion = new LinkedHashMap<>();
        for (CompanyGazetteer.Company company : gazetteer.companies()) {
            Set<String> names = new LinkedHashSet<>();
            names.add(company.canonical());
            company.aliases().forEach(a -> names.add(a.startsWith("=") ? a.substring(1) : a));
            String words = String.join(" OR ", names.stream().map(GroongaEngine::quote).toList());
            names.forEach(name -> expansion.putIfAbsent(name, "(" + words + ")"));
        }
        ArrayNode rows = JSON.createArrayNode();
        expansion.forEach((key, words) -> {
            ObjectNode row = rows.addObject();
            row.put("_key", key);
            row.putArray("words").add(words);
        });
        return "load --table Synonyms\n" + JSON.writeValueAsString(rows) + "\n";
    }

    private static int writeLoadFile(Path corpus, ZoneId zone, CompanyGazetteer gazetteer, Path loadFile) throws IOException {
        ArticleReader reader = new ArticleReader(zone);
        int count = 0;
        try (BufferedWriter out = Files.newBufferedWriter(loadFile, StandardCharsets.UTF_8)) {
            List<Path> files = reader.listFiles(corpus);
            for (int start = 0; start < files.size(); start += 1000) {
                out.write("load --table Articles\n[\n");
                boolean first = true;
                for (Path file : files.subList(start, Math.min(files.size(), start + 1000))) {
                    if (!(reader.read(corpus, file) instanceof ReadResult.Read read)) {
                        continue;
                    }
                    Article article = read.article();
                    ObjectNode row = JSON.createObjectNode();
                    row.put("_key", article.id());
                    row.put("title", article.title());
                    row.put("body", article.bodyText());
                    if (article.date() != null) {
                        row.put("date", article.date().getEpochSecond());
                        row.put("month", MONTH.format(article.date().atZone(zone)));
                    }
                    ArrayNode tags = row.putArray("tags");
                    article.tags().forEach(tags::add);
                    ArrayNode companies = row.putArray("companies");
                    companiesOf(article, gazetteer).forEach(companies::add);
                    out.write(first ? "" : ",\n");
                    out.write(JSON.writeValueAsString(row));
                    first = false;
                    count++;
                }
                out.write("\n]\n");
            }
        }
        return count;
    }

    static Set<String> companiesOf(Article article, CompanyGazetteer gazetteer) {
        Set<String> companies = new LinkedHashSet<>(gazetteer.companiesIn(article.title()));
        companies.addAll(gazetteer.companiesIn(article.excerpt()));
        companies.addAll(gazetteer.companiesIn(article.bodyText()));
        article.tags().forEach(tag -> gazetteer.companyForTag(tag).ifPresent(companies::add));
        return companies;
    }

    /** Runs groonga with a command file on stdin; returns the process's peak resident set in bytes. */
    private long run(List<String> command, Path input, Path output) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectInput(input.toFile()).redirectOutput(output.toFile())
                .redirectErrorStream(true).start();
        long peak = 0;
        while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, ProcessStats.procStatusBytes(process.pid(), "VmHWM"));
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " < " + input + " failed; see " + output);
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        if (out.contains("[[-")) {
            throw new IOException("groonga reported an error for " + input + "; see " + output);
        }
        return peak;
    }
}
