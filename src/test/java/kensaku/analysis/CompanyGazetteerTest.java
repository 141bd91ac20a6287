package kensaku.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CompanyGazetteerTest {
    private final CompanyGazetteer gazetteer = CompanyGazetteer.builtIn();

    @Test
    void shipsAtLeastThirtyCompaniesWithTheirAliases() {
        assertTrue(gazetteer.companies().size() >= 30, "companies: " + gazetteer.companies().size());
    }

    @ParameterizedTest
    @CsvSource({
            "AmazonはAIに投資した, Amazon",
            "アマゾンが発表, Amazon",
            "AWSの収益, Amazon",
            "エヌビディアの新型GPU, NVIDIA",
            "Nvidia stock, NVIDIA",
            "ＮＶＩＤＩＡ（全角）, NVIDIA",
            "ｱﾏｿﾞﾝ（半角カナ）, Amazon",
            "グーグルの検索, Google",
            "マイクロソフトとOpenAI, Microsoft",
            "Metaが公開した, Meta",
            "メタの決算, Meta",
            "オープンAIのモデル, OpenAI",
            "アンソロピックのClaude, Anthropic",
            "富士通の発表, Fujitsu",
            "日立製作所が, Hitachi",
    })
    void findsEachCompanyByItsNames(String text, String company) {
        assertTrue(gazetteer.companiesIn(text).contains(company), text + " → " + gazetteer.companiesIn(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "メタデータを整理する",
            "メタバース市場",
            "Metadata is data about data",
            "a meta-analysis of studies",
            "サンフランシスコで開催",
            "Intelligence is not a company",
            "アームチェアに座る",
            "the armed forces",
            "sonyaという名前",
            "テスラコイルの実験",
            "AMDAHLの法則",
            "デルタ航空",
    })
    void doesNotFindCompaniesInsideLongerWords(String text) {
        assertEquals(Set.of(), gazetteer.companiesIn(text), text);
    }

    @Test
    void findsEveryCompanyOfAText() {
        assertEquals(Set.of("Amazon", "NVIDIA", "Microsoft"),
                gazetteer.companiesIn("AWSはエヌビディアのGPUを使い、マイクロソフトと競う。メタデータは関係ない。"));
    }

    @Test
    void tagsNamingACompanyCountWhateverTheirCaseOrWidth() {
        assertEquals(Optional.of("NVIDIA"), gazetteer.companyForTag("nvidia"));
        assertEquals(Optional.of("Amazon"), gazetteer.companyForTag("アマゾン"));
        assertEquals(Optional.of("OpenAI"), gazetteer.companyForTag("ＯｐｅｎＡＩ"));
        assertEquals(Optional.empty(), gazetteer.companyForTag("投資"));
    }

    @Test
    void aUserFileExtendsOrReplacesTheBuiltIn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("companies.tsv");
        Files.writeString(file, "# our own\nカブシキ商事\tカブシキ商事|=KBS\nNVIDIA\tエヌビデア\n");
        CompanyGazetteer own = CompanyGazetteer.load(file);
        assertEquals(Set.of("カブシキ商事"), own.companiesIn("KBSが発表"));
        assertEquals(Set.of(), own.companiesIn("Amazonが発表"), "replace: the built-in names are gone");

        CompanyGazetteer extended = gazetteer.extendedWith(own);
        assertEquals(Set.of("カブシキ商事", "Amazon"), extended.companiesIn("KBSとAmazonが発表"));
        assertEquals(Set.of("NVIDIA"), extended.companiesIn("エヌビデア（誤記）"), "aliases of one company combine");
        assertEquals(Set.of("NVIDIA"), extended.companiesIn("エヌビディア"));
        assertEquals(Set.of(), extended.companiesIn("kbsは小文字"), "=KBS matches only that case");
    }

    @Test
    void aMalformedLineIsAnErrorNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.tsv");
        Files.writeString(file, "Good\tGood\nno tab here\n");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CompanyGazetteer.load(file));
        assertTrue(error.getMessage().contains("bad.tsv line 2"), error.getMessage());
    }

    @Test
    void everyBuiltInCompanyHasADisplayLabelAndAUserFileMayOmitOrGiveOne(@TempDir Path dir) throws IOException {
        CompanyGazetteer builtIn = CompanyGazetteer.builtIn();
        assertEquals("トヨタ", builtIn.labelOf("Toyota"));
        assertEquals("ソニー", builtIn.labelOf("Sony"));
        assertEquals("楽天", builtIn.labelOf("Rakuten"));
        assertEquals("アマゾン", builtIn.labelOf("Amazon"));
        assertEquals("Unknown Co", builtIn.labelOf("Unknown Co"), "an unknown name is its own label");
        long latinOnly = builtIn.companies().stream().filter(c -> c.label().matches("[A-Za-z .]+")).count();
        assertTrue(latinOnly <= 8, "most companies have a Japanese label: " + latinOnly);
        Path mine = dir.resolve("mine.tsv");
        java.nio.file.Files.writeString(mine, "Kensaku Inc\tKensaku|ケンサク\nToyota\tTOYOTA\tトヨタ自動車\n");
        CompanyGazetteer extended = builtIn.extendedWith(CompanyGazetteer.load(mine));
        assertEquals("Kensaku Inc", extended.labelOf("Kensaku Inc"), "two columns still read: no label");
        assertEquals("トヨタ自動車", extended.labelOf("Toyota"), "a user's label wins");
        assertEquals("ソニー", extended.labelOf("Sony"));
    }
}
