package kensaku.search.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import kensaku.search.plan.UserQuery.Part;
import org.junit.jupiter.api.Test;

class UserQueryTest {
    @Test
    void wordsAreAllRequired() {
        assertEquals(new UserQuery(List.of(List.of(word("生成AI")), List.of(word("投資"))), List.of()),
                UserQuery.parse("生成AI　投資"));
    }

    @Test
    void quotedPhrasesExclusionsAndOr() {
        UserQuery parsed = UserQuery.parse("\"Amazon Bedrock\" -Meta NVIDIA OR エヌビディア");
        assertEquals(List.of(List.of(new Part("Amazon Bedrock", true)), List.of(word("NVIDIA"), word("エヌビディア"))),
                parsed.required());
        assertEquals(List.of(word("Meta")), parsed.excluded());
    }

    @Test
    void japaneseQuotesAreQuotes() {
        assertEquals(List.of(List.of(new Part("基盤 モデル", true))), UserQuery.parse("“基盤 モデル”").required());
    }

    @Test
    void anUnbalancedQuoteFallsBackToPlainWords() {
        assertEquals(List.of(List.of(word("Amazon")), List.of(word("Bedrock"))),
                UserQuery.parse("\"Amazon Bedrock").required());
    }

    @Test
    void aDanglingOrOrMinusIsIgnored() {
        assertEquals(List.of(List.of(word("AWS"))), UserQuery.parse("OR AWS OR").required());
        assertEquals(List.of(List.of(word("AWS"))), UserQuery.parse("- AWS").required(), "a lone - has nothing to find");
        assertEquals(new UserQuery(List.of(), List.of()), UserQuery.parse("   "));
    }

    private static Part word(String text) {
        return new Part(text, false);
    }

    @Test
    void wordsWithNothingIndexableAreDroppedBesideRealWords() {
        assertEquals(UserQuery.parse("生成AI"), UserQuery.parse("🚀 生成AI"));
        assertEquals(UserQuery.parse("生成AI 投資"), UserQuery.parse("生成AI ★★ 投資 😀"));
        assertEquals(UserQuery.parse("生成AI😀"), UserQuery.parse("生成AI😀"), "a word with letters keeps its emoji");
        assertEquals(1, UserQuery.parse("🚀").required().size(), "alone, it is still a query (that finds nothing)");
    }
}
