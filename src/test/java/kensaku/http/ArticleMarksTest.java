package kensaku.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArticleMarksTest {
    @Test
    void marksTheQuerysWordsInTextOnlyNeverInTagsOrAttributes() {
        ArticleMarks marks = ArticleMarks.of("AI 投資 -除外");
        assertEquals("<p>生成<mark>AI</mark>への<mark>投資</mark>と<a href=\"/ai?q=AI\" title=\"AI\"><mark>ai</mark></a></p>",
                marks.markHtml("<p>生成AIへの投資と<a href=\"/ai?q=AI\" title=\"AI\">ai</a></p>"));
        assertEquals("<p>除外</p>", marks.markHtml("<p>除外</p>"), "an excluded word is not marked");
    }

    @Test
    void textIsEscapedAndAnEmptyQueryMarksNothing() {
        assertEquals("&lt;b&gt;<mark>AI</mark>&lt;/b&gt;", ArticleMarks.of("AI").markText("<b>AI</b>"));
        assertEquals("<p>AI</p>", ArticleMarks.of("  ").markHtml("<p>AI</p>"));
        assertEquals("&lt;script&gt;", ArticleMarks.of("").markText("<script>"));
    }

    @Test
    void quotedPhrasesAndFullWidthWordsAreFound() {
        assertEquals("<mark>Amazon Bedrock</mark>で", ArticleMarks.of("\"Amazon Bedrock\"").markText("Amazon Bedrockで"));
        assertEquals("生成<mark>AI</mark>", ArticleMarks.of("ＡＩ").markText("生成AI"));
    }
}
