package org.creamlab.data;

import java.util.LinkedHashMap;
import java.util.Map;

/** The task generators by name; immutable. */
public final class TaskGenerators {

    private final Map<String, TaskGenerator> byName;

    /** @param generators keyed by their task names */
    public TaskGenerators(Map<String, TaskGenerator> generators) {
        this.byName = Map.copyOf(generators);
    }

    /** The four tasks over the miniature lexicon, with answers drawn from {@link ValueRange#miniature()}. */
    public static TaskGenerators miniature(WordTokenizer tokenizer, Lexicon lexicon) {
        return standard(tokenizer, lexicon, ValueRange.miniature());
    }

    /** The four tasks over {@code lexicon}'s keys and ids, numbers drawn from {@code values}. */
    public static TaskGenerators standard(Tokenizer tokenizer, Lexicon lexicon, ValueRange values) {
        Map<String, TaskGenerator> map = new LinkedHashMap<>();
        map.put(Tasks.LINES, new LinesGenerator(tokenizer, lexicon.lineKeys(), values));
        map.put(Tasks.KV, new KvRetrievalGenerator(tokenizer, lexicon.ids()));
        map.put(Tasks.NEEDLE, new NeedleGenerator(tokenizer, new FillerGrammar(), values));
        map.put(Tasks.PASSKEY, new PasskeyGenerator(tokenizer, values));
        return new TaskGenerators(map);
    }

    /** The generator of {@code task}. */
    public TaskGenerator get(String task) {
        TaskGenerator g = byName.get(task);
        if (g == null) {
            throw new IllegalArgumentException("setting 'task': unknown task '" + task + "', known: "
                    + byName.keySet().stream().sorted().toList());
        }
        return g;
    }

    /**
     * These generators with {@code task}'s replaced by {@code generator}.
     *
     * @throws IllegalArgumentException if {@code task} is not one of them or {@code generator} is for another task
     */
    public TaskGenerators with(String task, TaskGenerator generator) {
        get(task);
        if (!generator.task().equals(task)) {
            throw new IllegalArgumentException("setting 'task': a " + generator.task() + " generator cannot stand for "
                    + task);
        }
        Map<String, TaskGenerator> map = new LinkedHashMap<>(byName);
        map.put(task, generator);
        return new TaskGenerators(map);
    }

    /** The known task names. */
    public java.util.Set<String> names() {
        return byName.keySet();
    }
}
