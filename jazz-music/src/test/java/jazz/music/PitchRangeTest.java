package jazz.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import jazz.api.BadInputException;

class PitchRangeTest {

    @Test
    void rangesReadNoteNamesWithOctavesSharpsAndFlats() {
        assertEquals(new PitchRange(52, 88), PitchRange.parse("E3-E6"));
        assertEquals(new PitchRange(46, 78), PitchRange.parse("Bb2-F#5"));
        assertEquals(new PitchRange(0, 12), PitchRange.parse("C-1-C0"));
        assertEquals("E3-E6", PitchRange.parse(" E3 - E6 ").toString());
    }

    @Test
    void badRangesAreBadInputNamingTheProblem() {
        for (String bad : new String[] {"E3", "H3-E6", "E3-X", "E6-E3", "C4-B4", "C4-G10", "", "E3-E6-E7"}) {
            assertThrows(BadInputException.class, () -> PitchRange.parse(bad), bad);
        }
        assertTrue(assertThrows(BadInputException.class, () -> PitchRange.parse("C4-B4")).getMessage().contains("octave"));
    }

    @Test
    void foldingKeepsThePitchClassAndLandsInside() {
        PitchRange r = PitchRange.parse("E3-E4");
        assertEquals(64, r.fold(76));
        assertEquals(53, r.fold(41));
        assertEquals(60, r.fold(60));
    }
}
