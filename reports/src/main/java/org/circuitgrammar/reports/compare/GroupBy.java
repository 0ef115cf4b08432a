package org.circuitgrammar.reports.compare;

import java.util.Objects;
import org.circuitgrammar.motifs.result.GraphInfo;

/**
 * How graphs are put into groups: by an attribute of their result ({@code model}, {@code transcoder}, {@code slug},
 * {@code prompt}, {@code file} or any metadata key, see {@link GraphInfo#attribute}) or by {@link Categories}
 * ({@code category}). A graph without a value lands in {@link #UNGROUPED}: shown in every summary, never dropped, but
 * not a group of the between-group tests. An unknown transcoder kind (the file does not say) counts as no value.
 *
 * @param key        the attribute, or {@code category}
 * @param categories used when {@code key} is {@code category}
 */
public record GroupBy(String key, Categories categories) {
    /** The group of graphs without a value for the key. */
    public static final String UNGROUPED = "(none)";
    /** The key that groups by {@link Categories}. */
    public static final String CATEGORY = "category";

    public GroupBy {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("empty grouping key");
        }
        categories = categories == null ? Categories.NONE : categories;
    }

    /** Groups by an attribute. */
    public static GroupBy attribute(String key) {
        return new GroupBy(key, Categories.NONE);
    }

    /** The group of {@code graph}. */
    public String groupOf(GraphInfo graph) {
        return (key.equals(CATEGORY) ? categories.of(graph) : graph.attribute(key))
                .filter(v -> !(key.equals("transcoder") && v.equals("unknown"))).orElse(UNGROUPED);
    }
}
