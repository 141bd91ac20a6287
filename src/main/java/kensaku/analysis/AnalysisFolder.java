package kensaku.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.ja.dict.UserDictionary;

/**
 * The analysis folder an operator edits ({@code --analysis DIR}): {@value #SYNONYMS}, {@value #USER_DICTIONARY},
 * {@value #STOP_WORDS} and {@value #COMPANIES}, each optional; a file the folder lacks (or no folder at all) means
 * the one shipped with kensaku. The company gazetteer given by {@code --companies FILE} wins over the folder's, and
 * either extends the built-in one unless {@code --companies-mode replace}.
 *
 * <p>{@link #load} reads and checks everything before anything uses it, so a bad line is reported by file and line
 * and never half-applied. {@link #stamp} is what a running server polls: a hash of the files' bytes (mtimes are
 * one or two seconds coarse on some file systems, and the files are small).
 */
public final class AnalysisFolder {
    public static final String SYNONYMS = "synonyms.txt";
    public static final String USER_DICTIONARY = "userdict.txt";
    public static final String STOP_WORDS = "stopwords.txt";
    public static final String COMPANIES = "companies.tsv";
    private static final Pattern GAZETTEER_LINE = Pattern.compile(" line (\\d+): (.*)", Pattern.DOTALL);

    private final Path folder;
    private final Path companies;
    private final boolean replaceCompanies;

    /**
     * @param folder           the analysis folder, or null for the files shipped with kensaku
     * @param companies        {@code --companies}: a gazetteer file that wins over the folder's, or null
     * @param replaceCompanies {@code --companies-mode replace}: the file's companies only, without the built-in ones
     */
    public AnalysisFolder(Path folder, Path companies, boolean replaceCompanies) {
        this.folder = folder;
        this.companies = companies;
        this.replaceCompanies = replaceCompanies;
    }

    /** No folder, the built-in gazetteer: what kensaku ships. */
    public static AnalysisFolder builtIn() {
        return new AnalysisFolder(null, null, false);
    }

    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** Reads and checks every file; the config is complete and usable, or nothing is. */
    public AnalysisConfig load() throws IOException, InvalidAnalysisFileException {
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IOException("analysis folder " + folder + " does not exist or is not a folder");
        }
        CompanyGazetteer gazetteer = gazetteer();
        AnalysisConfig.Text userDictionary = text(USER_DICTIONARY).orElseGet(AnalysisConfig::builtInUserDictionary);
        AnalysisConfig.Text stopWords = text(STOP_WORDS).orElseGet(AnalysisConfig::builtInStopWords);
        AnalysisConfig.Text synonyms = text(SYNONYMS).orElse(new AnalysisConfig.Text("built-in synonyms", ""));
        checkUserDictionary(userDictionary);
        AnalysisConfig withoutSynonyms = new AnalysisConfig(source(), userDictionary, stopWords,
                new AnalysisConfig.Text(synonyms.name(), ""), gazetteer);
        // The synonyms are analysed by the index chain of this very dictionary and these stop words.
        try (JapaneseAnalyzers probe = new JapaneseAnalyzers(withoutSynonyms)) {
            SynonymRules.check(synonyms, probe.morphological());
        }
        return new AnalysisConfig(source(), userDictionary, stopWords, synonyms, gazetteer);
    }

    /** A hash of every file this folder may hold (absent ones included): changes whenever any of them does. */
    public String stamp() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files()) {
                digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
                try {
                    digest.update(Files.readAllBytes(file));
                    digest.update((byte) 1);
                } catch (IOException e) {
                    digest.update((byte) 0); // absent or unreadable: load() says which
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files that {@link #stamp} watches. */
    public List<Path> files() {
        List<Path> files = new ArrayList<>();
        if (folder != null) {
            for (String name : List.of(SYNONYMS, USER_DICTIONARY, STOP_WORDS, COMPANIES)) {
                files.add(folder.resolve(name));
            }
        }
        if (companies != null) {
            files.add(companies);
        }
        return files;
    }

    private String source() {
        return folder == null ? "built-in" : folder.toString();
    }

    /** Only the company gazetteer in force (quick: no analyzer is built), e.g. to prepare suggestions. */
    public CompanyGazetteer gazetteer() throws IOException, InvalidAnalysisFileException {
        Path file = companies != null ? companies
                : folder != null && Files.exists(folder.resolve(COMPANIES)) ? folder.resolve(COMPANIES) : null;
        if (file == null) {
            return CompanyGazetteer.builtIn();
        }
        String content = decode(file);
        CompanyGazetteer own;
        try {
            own = CompanyGazetteer.parse(new StringReader(content), file.toString());
        } catch (IllegalArgumentException e) {
            Matcher where = GAZETTEER_LINE.matcher(e.getMessage());
            throw where.find() ? new InvalidAnalysisFileException(file.toString(), Integer.parseInt(where.group(1)),
                    where.group(2)) : new InvalidAnalysisFileException(file.toString(), 0, e.getMessage());
        }
        return replaceCompanies ? own : CompanyGazetteer.builtIn().extendedWith(own);
    }

    private Optional<AnalysisConfig.Text> text(String name) throws IOException, InvalidAnalysisFileException {
        if (folder == null || !Files.exists(folder.resolve(name))) {
            return Optional.empty();
        }
        Path file = folder.resolve(name);
        return Optional.of(new AnalysisConfig.Text(file.toString(), decode(file)));
    }

    /** The file as UTF-8 text without a byte-order mark; anything else is refused rather than guessed. */
    private static String decode(Path file) throws IOException, InvalidAnalysisFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("no file at " + file);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidAnalysisFileException(file.toString(), 0, "not UTF-8 text; save it as UTF-8");
        }
    }

    /** Each entry on its own, so the first bad one is named with its line: Kuromoji's reasons are per entry. */
    private static void checkUserDictionary(AnalysisConfig.Text dictionary) throws InvalidAnalysisFileException {
        List<String> lines = dictionary.content().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                UserDictionary.open(new StringReader(line));
            } catch (IOException | RuntimeException e) {
                throw new InvalidAnalysisFileException(dictionary.name(), i + 1, (e.getMessage() == null
                        ? e.toString() : e.getMessage()) + "; expected 表層形,分割,読み,品詞 (「" + line + "」)");
            }
        }
    }
}
