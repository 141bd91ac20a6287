package kensaku.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Companies and the names they go by (English, katakana, abbreviations), from a data file: the built-in
 * {@code companies.tsv}, a user's own file, or both merged. Finds which companies a text mentions, respecting
 * word boundaries; see {@link CompanyMatcher}.
 */
public final class CompanyGazetteer {
    /**
     * A company: its canonical (facet and filter) name, every alias that names it, and the label a Japanese reader
     * sees (トヨタ for Toyota); the label is the canonical name when the gazetteer gives none.
     */
    public record Company(String canonical, List<String> aliases, String label) {
        public Company {
            aliases = List.copyOf(aliases);
            label = label == null || label.isBlank() ? canonical : label.strip();
        }

        public Company(String canonical, List<String> aliases) {
            this(canonical, aliases, null);
        }
    }

    private static final String BUILT_IN = "/kensaku/analysis/companies.tsv";

    private final List<Company> companies;
    private final List<CompanyMatcher.Alias> aliases;
    private final CompanyMatcher matcher;
    private final Map<String, String> canonicalByFoldedName;
    private final Map<String, String> labelByCanonical = new LinkedHashMap<>();

    private CompanyGazetteer(List<Company> companies, List<CompanyMatcher.Alias> aliases) {
        this.companies = List.copyOf(companies);
        this.aliases = List.copyOf(aliases);
        this.matcher = new CompanyMatcher(aliases);
        this.canonicalByFoldedName = new LinkedHashMap<>();
        for (CompanyMatcher.Alias alias : aliases) {
            canonicalByFoldedName.putIfAbsent(fold(alias.name()), alias.canonical());
        }
        for (Company company : this.companies) {
            labelByCanonical.putIfAbsent(company.canonical(), company.label());
        }
    }

    public static CompanyGazetteer builtIn() {
        try (InputStream in = CompanyGazetteer.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("the built-in gazetteer " + BUILT_IN + " is missing from the jar");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A user's gazetteer file, in the built-in format; a malformed line is an error naming file and line. */
    public static CompanyGazetteer load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        }
    }

    /**
     * This gazetteer with another's companies added; aliases of the same canonical name are combined, and the
     * other's label wins where it gives one (a user's file may rename a built-in company).
     */
    public CompanyGazetteer extendedWith(CompanyGazetteer other) {
        Map<String, String> labels = new LinkedHashMap<>();
        companies.forEach(company -> labels.put(company.canonical(), company.label()));
        other.companies.stream().filter(company -> !company.label().equals(company.canonical()))
                .forEach(company -> labels.put(company.canonical(), company.label()));
        Map<String, LinkedHashSet<CompanyMatcher.Alias>> merged = new LinkedHashMap<>();
        for (CompanyMatcher.Alias alias : aliases) {
            merged.computeIfAbsent(alias.canonical(), k -> new LinkedHashSet<>()).add(alias);
        }
        for (CompanyMatcher.Alias alias : other.aliases) {
            merged.computeIfAbsent(alias.canonical(), k -> new LinkedHashSet<>()).add(alias);
        }
        List<Company> companies = new ArrayList<>();
        List<CompanyMatcher.Alias> all = new ArrayList<>();
        merged.forEach((canonical, names) -> {
            companies.add(new Company(canonical, names.stream().map(CompanyMatcher.Alias::name).distinct().toList(),
                    labels.get(canonical)));
            all.addAll(names);
        });
        return new CompanyGazetteer(companies, all);
    }

    public List<Company> companies() {
        return companies;
    }

    /**
     * The whole gazetteer (built-in and the operator's, merged) in its own file format, each alias as the matcher
     * sees it ({@code =} before an exact-case one): what a cluster node is given to analyse exactly as kensaku does.
     */
    public String toTsv() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (CompanyMatcher.Alias alias : aliases) {
            names.computeIfAbsent(alias.canonical(), k -> new ArrayList<>())
                    .add((alias.exactCase() ? "=" : "") + alias.name());
        }
        StringBuilder tsv = new StringBuilder();
        names.forEach((canonical, aliasNames) -> tsv.append(canonical).append('\t')
                .append(String.join("|", aliasNames)).append('\t').append(labelOf(canonical)).append('\n'));
        return tsv.toString();
    }

    /** A gazetteer in the file format, from text (see {@link #toTsv}); a malformed line names {@code name} and line. */
    public static CompanyGazetteer fromTsv(String tsv, String name) {
        try {
            return parse(new java.io.StringReader(tsv), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every alias as the matcher sees it (normalised), in gazetteer order. */
    List<CompanyMatcher.Alias> aliases() {
        return aliases;
    }

    /** Canonical names of the companies mentioned in the text. */
    public Set<String> companiesIn(String text) {
        return matcher.companiesIn(normalize(text));
    }

    /** The name a reader sees for a canonical company name: its label, else the name itself (unknown names too). */
    public String labelOf(String canonical) {
        return labelByCanonical.getOrDefault(canonical, canonical);
    }

    /** The canonical name when the tag is a name of a company, whatever its case or width. */
    public Optional<String> companyForTag(String tag) {
        return Optional.ofNullable(canonicalByFoldedName.get(fold(tag)));
    }

    /** Width and compatibility forms folded (ＡＩ → AI, ｱﾏｿﾞﾝ → アマゾン), as Kuromoji's chain also does. */
    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    private static String fold(String name) {
        return normalize(name).strip().toLowerCase(Locale.ROOT);
    }

    static CompanyGazetteer parse(Reader source, String name) throws IOException {
        List<Company> companies = new ArrayList<>();
        List<CompanyMatcher.Alias> aliases = new ArrayList<>();
        BufferedReader lines = new BufferedReader(source);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            String[] columns = content.split("\t");
            if (columns.length < 2 || columns.length > 3 || columns[0].isBlank() || columns[1].isBlank()) {
                throw new IllegalArgumentException(name + " line " + number
                        + ": expected 'canonical<TAB>alias|alias|...[<TAB>label]', got '" + content + "'");
            }
            String label = columns.length == 3 ? columns[2].strip() : null;
            String canonical = columns[0].strip();
            List<String> names = new ArrayList<>();
            for (String alias : columns[1].split("\\|")) {
                String trimmed = alias.strip();
                boolean exactCase = trimmed.startsWith("=");
                String aliasName = exactCase ? trimmed.substring(1).strip() : trimmed;
                if (aliasName.isEmpty()) {
                    throw new IllegalArgumentException(name + " line " + number + ": an empty alias");
                }
                names.add(aliasName);
                aliases.add(new CompanyMatcher.Alias(canonical, normalize(aliasName), exactCase));
            }
            // The canonical name is a name too, unless an alias already spells it (with its own case rule).
            if (names.stream().noneMatch(n -> n.equalsIgnoreCase(canonical))) {
                aliases.add(new CompanyMatcher.Alias(canonical, normalize(canonical), false));
            }
            companies.add(new Company(canonical, names, label));
        }
        return new CompanyGazetteer(companies, aliases);
    }
}
