package org.creamlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.creamlab.data.Lexicon;
import org.creamlab.data.TaskGenerators;
import org.creamlab.data.TaskSample;
import org.creamlab.data.Tasks;
import org.creamlab.data.WordTokenizer;
import org.junit.jupiter.api.Test;

/** With answer room, a cell of length l holds prompt and answer: no answer token at a position id of l or more. */
class EvalSetAnswerRoomTest {

    private static final Lexicon LEXICON = Lexicon.miniature();
    private static final TaskGenerators TASKS = TaskGenerators.miniature(WordTokenizer.forLexicon(LEXICON), LEXICON);

    @Test
    void promptAndAnswerFitTheCellLength() {
        EvalGrid grid = EvalGrid.of(List.of(Tasks.NEEDLE, Tasks.PASSKEY), List.of(256, 1024), List.of(), List.of(0.0, 50.0, 100.0));
        EvalSet withRoom = EvalSet.build(TASKS, grid, 3, 1, 2);
        EvalSet without = EvalSet.build(TASKS, grid, 3, 1);
        int exact = 0;
        for (var e : withRoom.samples().entrySet()) {
            for (TaskSample s : e.getValue()) {
                assertTrue(s.length() + s.answer().length <= e.getKey().length(), e.getKey().key() + ": " + s);
            }
        }
        for (var e : without.samples().entrySet()) {
            for (TaskSample s : e.getValue()) {
                exact += s.length() == e.getKey().length() ? 1 : 0;
            }
        }
        assertTrue(exact > 0, "without room needle and passkey prompts fill the cell, so the answer runs past it");
        assertThrows(IllegalArgumentException.class, () -> EvalSet.build(TASKS, grid, 3, 1, -1));
        assertEquals(withRoom.samples().keySet(), without.samples().keySet(), "the same cells, labelled by length");
    }
}
