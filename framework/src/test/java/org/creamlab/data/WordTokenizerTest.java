package org.creamlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {

    private final Lexicon lexicon = Lexicon.miniature();
    private final WordTokenizer tokenizer = WordTokenizer.forLexicon(lexicon);

    @Test
    void vocabularyIsDeterministicWithSpecialsFirst() {
        WordTokenizer again = WordTokenizer.forLexicon(Lexicon.miniature());
        assertEquals(tokenizer.tokens(), again.tokens());
        assertEquals(List.of("<pad>", "<bos>", "<eos>", "<unk>", "<sep>"), tokenizer.tokens().subList(0, 5));
        assertEquals(new SpecialTokens(0, 1, 2, 3), tokenizer.specialTokens());
        assertEquals(4, tokenizer.separator());
        // 5 specials + 7 punctuation + 210 number pieces + template/filler words + 256 keys + 512 ids
        assertTrue(tokenizer.vocabularySize() > 1000 && tokenizer.vocabularySize() < 1200,
                "size " + tokenizer.vocabularySize());
        assertEquals(tokenizer.tokens().size(), tokenizer.tokens().stream().distinct().count());
    }

    @Test
    void lineKeysAndIdsAreSingleTokens() {
        for (String key : lexicon.lineKeys()) {
            assertEquals(1, tokenizer.encode(key).length, key);
        }
        for (String id : lexicon.ids()) {
            assertEquals(1, tokenizer.encode(id).length, id);
        }
        assertEquals(256, lexicon.lineKeys().size());
        assertEquals(512, lexicon.ids().size());
    }

    @Test
    void numbersAreSpelledInTwoDigitPieces() {
        assertEquals(List.of("42", "##17"), tokenizer.pieces("4217"));
        assertEquals(List.of("4", "##21"), tokenizer.pieces("421"));
        assertEquals(List.of("7"), tokenizer.pieces("7"));
        assertEquals(List.of("00", "##42"), tokenizer.pieces("0042"));
        assertEquals(List.of("1", "##00", "##00"), tokenizer.pieces("10000"));
        assertEquals("line 4217 : 7", tokenizer.decode(tokenizer.encode("line 4217 : 7")));
    }

    @Test
    void decodeIsReadableAndRoundTrips() {
        String text = "line amber-falcon : REGISTER_CONTENT is 4217\nnow the record is over .";
        int[] ids = tokenizer.encode(text);
        assertEquals(text, tokenizer.decode(ids));
        assertArrayEquals(ids, tokenizer.encode(tokenizer.decode(ids)));
        assertEquals(14, ids.length); // line key : REGISTER_CONTENT is 42 ##17 \n now the record is over .
    }

    @Test
    void unknownWordsBecomeUnkAndEmptyInputGivesNoTokens() {
        int unk = tokenizer.specialTokens().unk();
        assertArrayEquals(new int[] {tokenizer.id("the"), unk, unk}, tokenizer.encode("the zyzzyva %"));
        assertEquals("the <unk> <unk>", tokenizer.decode(tokenizer.encode("the zyzzyva %")));
        assertEquals(0, tokenizer.encode("").length);
        assertEquals(0, tokenizer.encode("  \t ").length);
        assertEquals("", tokenizer.decode(new int[0]));
        assertArrayEquals(new int[] {1, 2}, tokenizer.encode("<bos> <eos>"));
        assertThrows(IllegalArgumentException.class, () -> tokenizer.decode(new int[] {tokenizer.vocabularySize()}));
    }

    @Test
    void badVocabularyWordsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WordTokenizer.of(new NumberPieces(2), List.of("two words")));
        assertTrue(e.getMessage().contains("'two words'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NumberPieces(4));
    }
}
