package kensaku.analysis;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.ja.dict.JaMorphData;
import org.apache.lucene.analysis.ja.dict.TokenInfoDictionary;
import org.apache.lucene.analysis.morph.Dictionary;
import org.apache.lucene.analysis.util.CSVUtil;
import org.apache.lucene.store.InputStreamDataInput;
import org.apache.lucene.util.IntsRef;
import org.apache.lucene.util.fst.FST;
import org.apache.lucene.util.fst.IntsRefFSTEnum;
import org.apache.lucene.util.fst.PositiveIntOutputs;

/**
 * Kuromoji's dictionary turned around: from a reading in katakana to the kanji words read so (ハンドウタイ → 半導体;
 * コウカイ → 公開, 航海, 後悔 …), as an input method converts kana. It is what lets a query typed in kana find the
 * written word without a reading view in the index: the system dictionary's nouns and prefixes that hold a kanji
 * (what kana as typed cannot find), and each word of the operator's user dictionary not written in kana, with its
 * reading (Trainium, トレイニアム).
 *
 * <p>The system part is the same for every analysis folder, so it is built once per process, on first use (about a
 * second: 392,000 entries walked), and never changes, as Kuromoji's own dictionaries are.
 */
public final class ReadingDictionary {
    /** A written word and Kuromoji's cost for it (lower is more common). */
    public record Word(String written, int cost) {}

    /** The longest reading looked up, in kana. */
    public static final int MAX_READING = 12;

    private final Map<String, List<Word>> userWords;

    /** The system dictionary's words and those of this user dictionary (Kuromoji's CSV; may be empty). */
    public ReadingDictionary(String userDictionary) {
        this.userWords = userWords(userDictionary);
    }

    /**
     * Walks Kuromoji's dictionary now, on another thread after a moment, rather than in the first query converted
     * (about a second of one core, which start-up's first searches should not wait for).
     */
    public static void loadSoon() {
        CompletableFuture.runAsync(() -> SystemWords.BY_READING.get(""),
                CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));
    }

    /** The kanji words read as this katakana, most common first; empty when there is none. */
    public List<Word> wordsRead(String katakana) {
        List<Word> user = userWords.get(katakana);
        List<Word> system = SystemWords.BY_READING.get(katakana);
        if (user == null) {
            return system == null ? List.of() : system;
        }
        List<Word> both = new ArrayList<>(user);
        if (system != null) {
            system.stream().filter(word -> both.stream().noneMatch(w -> w.written().equals(word.written())))
                    .forEach(both::add);
        }
        return both;
    }

    /**
     * Each segment of a user dictionary entry not written in kana, with its reading (機械 キカイ, 学習 ガクシュウ,
     * Trainium トレイニアム), listed before any system word.
     */
    private static Map<String, List<Word>> userWords(String csv) {
        Map<String, List<Word>> words = new HashMap<>();
        for (String line : csv.split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] fields = CSVUtil.parse(line.strip());
            if (fields.length < 3) {
                continue;
            }
            String[] segments = fields[1].strip().split(" +");
            String[] readings = fields[2].strip().split(" +");
            for (int i = 0; i < Math.min(segments.length, readings.length); i++) {
                String reading = Kana.katakana(readings[i]);
                // Latin names too: the operator wrote their reading (Trainium, トレイニアム).
                if (!Kana.isKanaOnly(segments[i]) && reading.length() <= MAX_READING) {
                    words.computeIfAbsent(reading, r -> new ArrayList<>()).add(new Word(segments[i], 0));
                }
            }
        }
        return words;
    }

    static boolean hasKanji(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /**
     * Readings and their words packed into a few arrays, looked up by binary search: as a map of strings and lists
     * the system words held 32 MiB of heap for the life of the server, packed 6 MiB (retained heap after a full
     * collection, Kuromoji's own dictionary loaded before).
     */
    static final class Packed {
        private final char[] readingChars;
        private final int[] readingStart;
        private final int[] firstWord;
        private final char[] wordChars;
        private final int[] wordStart;
        private final int[] costs;

        Packed(SortedMap<String, List<Word>> byReading) {
            int readings = byReading.size();
            int words = byReading.values().stream().mapToInt(List::size).sum();
            readingStart = new int[readings + 1];
            firstWord = new int[readings + 1];
            wordStart = new int[words + 1];
            costs = new int[words];
            StringBuilder readingText = new StringBuilder();
            StringBuilder wordText = new StringBuilder();
            int r = 0;
            int w = 0;
            for (Map.Entry<String, List<Word>> entry : byReading.entrySet()) {
                readingStart[r] = readingText.length();
                firstWord[r++] = w;
                readingText.append(entry.getKey());
                for (Word word : entry.getValue()) {
                    wordStart[w] = wordText.length();
                    costs[w++] = word.cost();
                    wordText.append(word.written());
                }
            }
            readingStart[r] = readingText.length();
            firstWord[r] = w;
            wordStart[w] = wordText.length();
            readingChars = readingText.toString().toCharArray();
            wordChars = wordText.toString().toCharArray();
        }

        /** The words of this reading, most common first; null when it has none. */
        List<Word> get(String reading) {
            int low = 0;
            int high = readingStart.length - 2;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                int order = compare(middle, reading);
                if (order < 0) {
                    low = middle + 1;
                } else if (order > 0) {
                    high = middle - 1;
                } else {
                    List<Word> words = new ArrayList<>(firstWord[middle + 1] - firstWord[middle]);
                    for (int w = firstWord[middle]; w < firstWord[middle + 1]; w++) {
                        words.add(new Word(new String(wordChars, wordStart[w], wordStart[w + 1] - wordStart[w]), costs[w]));
                    }
                    return words;
                }
            }
            return null;
        }

        /** The reading at {@code index} against this one, in {@link String#compareTo}'s order (the map's). */
        private int compare(int index, String reading) {
            int from = readingStart[index];
            int length = readingStart[index + 1] - from;
            int common = Math.min(length, reading.length());
            for (int i = 0; i < common; i++) {
                int difference = readingChars[from + i] - reading.charAt(i);
                if (difference != 0) {
                    return difference;
                }
            }
            return length - reading.length();
        }
    }

    /** Walked from Kuromoji's own files on first use (the holder idiom Lucene uses for the dictionary itself). */
    private static final class SystemWords {
        static final Packed BY_READING = load();

        private static Packed load() {
            TokenInfoDictionary dictionary = TokenInfoDictionary.getInstance();
            @SuppressWarnings("unchecked")
            JaMorphData morph = ((Dictionary<? extends JaMorphData>) (Object) dictionary).getMorphAttributes();
            Map<String, Map<String, Integer>> costs = new HashMap<>();
            try {
                IntsRefFSTEnum<Long> entries = new IntsRefFSTEnum<>(surfaces());
                IntsRef wordIds = new IntsRef();
                IntsRefFSTEnum.InputOutput<Long> entry;
                while ((entry = entries.next()) != null) {
                    char[] surface = chars(entry.input);
                    String written = new String(surface);
                    if (!hasKanji(written)) {
                        continue;
                    }
                    dictionary.lookupWordIds(entry.output.intValue(), wordIds);
                    for (int i = 0; i < wordIds.length; i++) {
                        int id = wordIds.ints[wordIds.offset + i];
                        String pos = morph.getPartOfSpeech(id);
                        String reading = morph.getReading(id, surface, 0, surface.length);
                        if (reading == null || reading.length() > MAX_READING
                                || !(pos.startsWith("名詞") || pos.startsWith("接頭詞"))) {
                            continue;
                        }
                        costs.computeIfAbsent(reading, r -> new HashMap<>())
                                .merge(written, morph.getWordCost(id), Math::min);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Kuromoji's dictionary could not be read", e);
            }
            SortedMap<String, List<Word>> byReading = new TreeMap<>();
            costs.forEach((reading, words) -> byReading.put(reading, words.entrySet().stream()
                    .map(w -> new Word(w.getKey(), w.getValue()))
                    .sorted(Comparator.comparingInt(Word::cost).thenComparing(Word::written)).toList()));
            return new Packed(byReading);
        }

        /** Kuromoji's surface forms, read from the FST file its dictionary ships with. */
        private static FST<Long> surfaces() throws IOException {
            try (InputStream in = TokenInfoDictionary.class.getResourceAsStream(
                    "TokenInfoDictionary" + TokenInfoDictionary.FST_FILENAME_SUFFIX)) {
                if (in == null) {
                    throw new IOException("TokenInfoDictionary" + TokenInfoDictionary.FST_FILENAME_SUFFIX + " is missing");
                }
                InputStreamDataInput data = new InputStreamDataInput(new BufferedInputStream(in));
                return new FST<>(FST.readMetadata(data, PositiveIntOutputs.getSingleton()), data);
            }
        }

        private static char[] chars(IntsRef input) {
            char[] chars = new char[input.length];
            for (int i = 0; i < input.length; i++) {
                chars[i] = (char) input.ints[input.offset + i];
            }
            return chars;
        }
    }
}
