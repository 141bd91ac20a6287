package kensaku.search.kana;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads what someone types in Latin letters as kana (Hepburn and Kunrei spellings), so enubi finds エヌビディア
 * and toyo finds トヨタ in the suggestions before the IME is even switched on. A trailing consonant that does not
 * make a syllable yet (the b of enub) is left off: the kana typed so far is the prefix.
 */
public final class Romaji {
    private static final Map<String, String> SYLLABLES = syllables();
    private static final int LONGEST = 3;

    private Romaji() {}

    /** Katakana readings of a Latin prefix: as typed, and with doubled vowels as ー; empty when it is not romaji. */
    public static List<String> katakana(String typed) {
        String latin = typed.strip().toLowerCase(Locale.ROOT);
        if (latin.isEmpty() || !latin.chars().allMatch(c -> (c >= 'a' && c <= 'z') || c == '-')) {
            return List.of();
        }
        return asTypedAndLong(latin);
    }

    /**
     * Katakana readings of a whole word typed in romaji (guuguru → グウグル, グーグル; handoutai → ハンドウタイ), the word
     * as it was entered rather than a prefix: a final n is ン, and a word ending in any other consonant, or with
     * anything that is not a syllable, is not romaji (empty). As typed first, then with long vowels as ー.
     */
    public static List<String> wholeWord(String typed) {
        String latin = typed.strip().toLowerCase(Locale.ROOT);
        if (latin.length() < 2 || !latin.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return List.of();
        }
        char last = latin.charAt(latin.length() - 1);
        if (last == 'n' && !latin.endsWith("nn")) {
            latin = latin + "n";
        } else if (isConsonant(last) && last != 'n') {
            return List.of();
        }
        return asTypedAndLong(latin);
    }

    private static List<String> asTypedAndLong(String latin) {
        String kana = convert(latin);
        if (kana == null || kana.isEmpty()) {
            return List.of();
        }
        Set<String> readings = new LinkedHashSet<>();
        readings.add(kana);
        readings.add(longVowels(kana));
        return List.copyOf(readings);
    }

    private static String convert(String latin) {
        StringBuilder kana = new StringBuilder();
        int i = 0;
        while (i < latin.length()) {
            char c = latin.charAt(i);
            if (c == '-') {
                kana.append('ー');
                i++;
                continue;
            }
            if (i + 1 < latin.length() && c == latin.charAt(i + 1) && isConsonant(c) && c != 'n') {
                kana.append('ッ');
                i++;
                continue;
            }
            int matched = 0;
            for (int length = Math.min(LONGEST, latin.length() - i); length > 0; length--) {
                String syllable = SYLLABLES.get(latin.substring(i, i + length));
                if (syllable != null) {
                    kana.append(syllable);
                    matched = length;
                    break;
                }
            }
            if (matched == 0) {
                if (c == 'n' && i + 1 < latin.length() && latin.charAt(i + 1) != 'y') {
                    kana.append('ン');
                    i++;
                    continue;
                }
                // An unfinished syllable at the end is still being typed; anywhere else this is not romaji.
                return latin.substring(i).chars().allMatch(Romaji::isConsonant) ? kana.toString() : null;
            }
            i += matched;
        }
        return kana.toString();
    }

    /** オオ, ウウ, オウ … as a long vowel mark, the way loanwords are written (グーグル, not グウグル). */
    private static String longVowels(String kana) {
        return kana.replaceAll("([アカサタナハマヤラワガザダバパャ])ア", "$1ー")
                .replaceAll("([イキシチニヒミリギジヂビピ])イ", "$1ー")
                .replaceAll("([ウクスツヌフムユルグズヅブプュ])ウ", "$1ー")
                .replaceAll("([エケセテネヘメレゲゼデベペ])[エイ]", "$1ー")
                .replaceAll("([オコソトノホモヨロゴゾドボポョ])[オウ]", "$1ー");
    }

    private static boolean isConsonant(int c) {
        return c >= 'a' && c <= 'z' && "aiueo".indexOf(c) < 0;
    }

    private static Map<String, String> syllables() {
        String[][] rows = {
            {"a", "ア"}, {"i", "イ"}, {"u", "ウ"}, {"e", "エ"}, {"o", "オ"},
            {"ka", "カ"}, {"ki", "キ"}, {"ku", "ク"}, {"ke", "ケ"}, {"ko", "コ"},
            {"ga", "ガ"}, {"gi", "ギ"}, {"gu", "グ"}, {"ge", "ゲ"}, {"go", "ゴ"},
            {"sa", "サ"}, {"si", "シ"}, {"shi", "シ"}, {"su", "ス"}, {"se", "セ"}, {"so", "ソ"},
            {"za", "ザ"}, {"zi", "ジ"}, {"ji", "ジ"}, {"zu", "ズ"}, {"ze", "ゼ"}, {"zo", "ゾ"},
            {"ta", "タ"}, {"ti", "ティ"}, {"chi", "チ"}, {"tu", "ツ"}, {"tsu", "ツ"}, {"te", "テ"}, {"to", "ト"},
            {"da", "ダ"}, {"di", "ディ"}, {"du", "ドゥ"}, {"de", "デ"}, {"do", "ド"},
            {"na", "ナ"}, {"ni", "ニ"}, {"nu", "ヌ"}, {"ne", "ネ"}, {"no", "ノ"}, {"nn", "ン"},
            {"ha", "ハ"}, {"hi", "ヒ"}, {"hu", "フ"}, {"fu", "フ"}, {"he", "ヘ"}, {"ho", "ホ"},
            {"fa", "ファ"}, {"fi", "フィ"}, {"fe", "フェ"}, {"fo", "フォ"},
            {"ba", "バ"}, {"bi", "ビ"}, {"bu", "ブ"}, {"be", "ベ"}, {"bo", "ボ"},
            {"pa", "パ"}, {"pi", "ピ"}, {"pu", "プ"}, {"pe", "ペ"}, {"po", "ポ"},
            {"va", "ヴァ"}, {"vi", "ヴィ"}, {"vu", "ヴ"}, {"ve", "ヴェ"}, {"vo", "ヴォ"},
            {"ma", "マ"}, {"mi", "ミ"}, {"mu", "ム"}, {"me", "メ"}, {"mo", "モ"},
            {"ya", "ヤ"}, {"yu", "ユ"}, {"yo", "ヨ"},
            {"ra", "ラ"}, {"ri", "リ"}, {"ru", "ル"}, {"re", "レ"}, {"ro", "ロ"},
            {"la", "ラ"}, {"li", "リ"}, {"lu", "ル"}, {"le", "レ"}, {"lo", "ロ"},
            {"wa", "ワ"}, {"wi", "ウィ"}, {"we", "ウェ"}, {"wo", "ヲ"},
            {"kya", "キャ"}, {"kyu", "キュ"}, {"kyo", "キョ"}, {"gya", "ギャ"}, {"gyu", "ギュ"}, {"gyo", "ギョ"},
            {"sha", "シャ"}, {"shu", "シュ"}, {"she", "シェ"}, {"sho", "ショ"},
            {"sya", "シャ"}, {"syu", "シュ"}, {"syo", "ショ"},
            {"ja", "ジャ"}, {"ju", "ジュ"}, {"je", "ジェ"}, {"jo", "ジョ"},
            {"zya", "ジャ"}, {"zyu", "ジュ"}, {"zyo", "ジョ"},
            {"cha", "チャ"}, {"chu", "チュ"}, {"che", "チェ"}, {"cho", "チョ"},
            {"tya", "チャ"}, {"tyu", "チュ"}, {"tyo", "チョ"},
            {"nya", "ニャ"}, {"nyu", "ニュ"}, {"nyo", "ニョ"}, {"hya", "ヒャ"}, {"hyu", "ヒュ"}, {"hyo", "ヒョ"},
            {"bya", "ビャ"}, {"byu", "ビュ"}, {"byo", "ビョ"}, {"pya", "ピャ"}, {"pyu", "ピュ"}, {"pyo", "ピョ"},
            {"mya", "ミャ"}, {"myu", "ミュ"}, {"myo", "ミョ"}, {"rya", "リャ"}, {"ryu", "リュ"}, {"ryo", "リョ"},
            {"thi", "ティ"}, {"dhi", "ディ"}, {"tsa", "ツァ"},
        };
        Map<String, String> table = new HashMap<>();
        for (String[] row : rows) {
            table.put(row[0], row[1]);
        }
        return Map.copyOf(table);
    }
}
