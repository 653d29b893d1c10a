package jazz.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import jazz.api.BadInputException;

class ChordProgressionTest {

    @Test
    void barsSplitByBarLinesAndChordsShareABarEvenly() {
        ChordProgression p = ChordProgression.parse("Dm7 G7 | Cmaj7 | F#m7b5 B7 E7 A7 | Bb7#9 |");
        assertEquals(4, p.measures());
        assertEquals(2, p.bar(0).size());
        assertEquals(24, p.timedBar(0).get(1).onset());
        assertEquals(36, p.timedBar(2).get(3).onset());
        assertEquals("Cmaj7", p.bar(5).get(0).symbol());
    }

    @Test
    void symbolsRoundTrip() {
        ChordProgression p = ChordProgression.parse("  Dm7   G7|Cmaj7/E | C7alt  ");
        assertEquals("Dm7 G7 | Cmaj7/E | C7alt", p.toSymbols());
        assertEquals(p, ChordProgression.parse(p.toSymbols()));
        ChordProgression metheny = Corpus.builtIn().progression();
        assertEquals(metheny, ChordProgression.parse(metheny.toSymbols()));
    }

    @Test
    void aBadSymbolOrAnEmptyBarIsBadInputNamingIt() {
        BadInputException e = assertThrows(BadInputException.class, () -> ChordProgression.parse("Dm7 | Gx9 | C"));
        assertTrue(e.getMessage().contains("'Gx9'"), e.getMessage());
        assertThrows(BadInputException.class, () -> ChordProgression.parse("Dm7 | | C"));
        assertThrows(BadInputException.class, () -> ChordProgression.parse("   "));
    }
}
