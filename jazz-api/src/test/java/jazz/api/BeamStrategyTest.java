package jazz.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BeamStrategyTest {

    @Test
    void beamParsesBesideTheFourPerTokenStrategies() {
        assertEquals(SamplingStrategy.BEAM, SamplingStrategy.parse("beam"));
        assertEquals("beam", SamplingStrategy.BEAM.cliName());
        for (String name : new String[] {"argmax", "temperature", "top-k", "top-p"}) {
            assertEquals(name, SamplingStrategy.parse(name).cliName());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SamplingStrategy.parse("greedy")).getMessage()
                .contains("beam"));
    }

    @Test
    void aTokenChooserRefusesBeamBecauseBeamIsNotAPerTokenChoice() {
        SamplingConfig beam = new SamplingConfig(SamplingStrategy.BEAM, 1.0, 5, 0.9, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TokenChooser(beam));
        assertTrue(e.getMessage().contains("not a per-token choice"), e.getMessage());
    }
}
