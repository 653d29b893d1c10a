package jazz.music;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jazz.api.BadInputException;

/**
 * A selection resolved against a file: the melody parts, the chord parts and the window.
 *
 * @param score the file
 * @param melody the melody's parts (several when one instrument spans channels)
 * @param chords the accompaniment parts whose simultaneous notes give the chords
 * @param from window start, quarters
 * @param to window end, quarters
 */
public record SelectedParts(MidiScore score, List<MidiPart> melody, List<MidiPart> chords, double from, double to) {

    /** Copies the lists. */
    public SelectedParts {
        melody = List.copyOf(melody);
        chords = List.copyOf(chords);
    }

    /**
     * Resolves a selection.
     *
     * @param score the file's parts
     * @param selection what to select
     * @return the parts
     * @throws BadInputException naming the file and listing its parts when a part does not exist or
     *         nothing fits the automatic choice
     */
    public static SelectedParts resolve(MidiScore score, PartSelection selection) {
        double from = selection.from() == null ? 0 : selection.from();
        double to = selection.to() == null ? score.length() : selection.to();
        List<MidiPart> melody;
        if (selection.melody() == null) {
            melody = List.of(score.parts().stream()
                    .filter(p -> !p.isDrums() && !p.notesIn(from, to).isEmpty())
                    .max(Comparator.comparingDouble((MidiPart p) ->
                            p.notesIn(from, to).size() * (1 - p.overlapShare(from, to))).thenComparing(p -> -p.index()))
                    .orElseThrow(() -> bad(score, "no part has notes between quarters " + from + " and " + to)));
        } else {
            melody = find(score, selection.melody(), "--melody-track");
        }
        Set<MidiPart> chords = new LinkedHashSet<>();
        if (selection.chords().isEmpty()) {
            for (MidiPart p : score.parts()) {
                if (!p.isDrums() && !melody.contains(p) && p.polyphony(from, to) >= 2) {
                    chords.add(p);
                }
            }
            if (chords.isEmpty()) {
                throw bad(score, "no part other than the melody plays chords between quarters " + from + " and " + to
                        + "; choose them with --chord-track");
            }
        } else {
            for (String c : selection.chords()) {
                chords.addAll(find(score, c, "--chord-track"));
            }
        }
        if (melody.stream().allMatch(p -> p.notesIn(from, to).isEmpty())) {
            throw bad(score, "the melody part " + melody.get(0).label() + " has no notes between quarters " + from
                    + " and " + to + "; choose another window with --from/--to");
        }
        return new SelectedParts(score, melody, new ArrayList<>(chords), from, to);
    }

    private static List<MidiPart> find(MidiScore score, String wanted, String option) {
        String w = wanted.trim();
        if (!w.isEmpty() && w.chars().allMatch(Character::isDigit) && w.length() < 6) {
            int index = Integer.parseInt(w);
            if (index < score.parts().size()) {
                return List.of(score.parts().get(index));
            }
            throw bad(score, option + " " + wanted + " does not exist");
        }
        String lower = w.toLowerCase(Locale.ROOT);
        List<MidiPart> exact = score.parts().stream()
                .filter(p -> p.name().toLowerCase(Locale.ROOT).equals(lower)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        List<MidiPart> channels = score.parts().stream()
                .filter(p -> p.name().toLowerCase(Locale.ROOT).startsWith(lower + " ch")).toList();
        if (!channels.isEmpty()) {
            return channels;
        }
        throw bad(score, option + " '" + wanted + "' matches no part");
    }

    private static BadInputException bad(MidiScore score, String why) {
        return new BadInputException(score.file() + ": " + why + ". Parts: "
                + score.parts().stream().map(MidiPart::label).collect(Collectors.joining(", ")));
    }
}
