package org.circuitgrammar.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.NearDuplicates;
import org.circuitgrammar.reports.compare.Categories;
import org.circuitgrammar.reports.compare.CategoryFileException;
import org.circuitgrammar.reports.compare.Cohort;
import org.circuitgrammar.reports.compare.GroupBy;
import picocli.CommandLine.Option;

/** The grouping and duplicate options shared by {@code cgram compare} and {@code cgram report}. */
public final class ComparisonMixin {
    @Option(names = "--by", paramLabel = "KEY", defaultValue = "model",
            description = "group by model, transcoder, category or any metadata key (default ${DEFAULT-VALUE})")
    String by;

    @Option(names = "--categories", paramLabel = "FILE",
            description = "category mapping: CSV (graph,category) or JSON {graphs, rules}; see docs/report.md")
    Path categoriesFile;

    @Option(names = "--category-rule", paramLabel = "CATEGORY=REGEX",
            description = "a category for graphs whose prompt contains REGEX (after the file's rules; repeatable)")
    List<String> categoryRules = new ArrayList<>();

    @Option(names = "--keep-duplicates",
            description = "count near-duplicate graphs (regenerations of one prompt) separately")
    boolean keepDuplicates;

    @Option(names = "--jaccard", paramLabel = "J", defaultValue = "" + NearDuplicates.DEFAULT_THRESHOLD,
            description = "node-set Jaccard at which two graphs are near-duplicates (default ${DEFAULT-VALUE})")
    double jaccard;

    /** The categories from the file and the rules (none when neither is given). */
    Categories categories() throws CategoryFileException {
        Categories c = categoriesFile == null ? Categories.NONE : Categories.read(categoriesFile);
        List<Categories.Rule> rules = new ArrayList<>();
        for (String r : categoryRules) {
            rules.add(Categories.Rule.parse(r));
        }
        return c.withRules(rules);
    }

    /** The grouping asked for. */
    GroupBy groupBy() throws CategoryFileException {
        return groupBy(by);
    }

    /** Grouping by {@code key} with the categories of these options. */
    GroupBy groupBy(String key) throws CategoryFileException {
        if (!(jaccard > 0 && jaccard <= 1)) {
            throw new CategoryFileException("--jaccard must be in (0, 1]: " + jaccard);
        }
        return new GroupBy(key, categories());
    }

    /** The cohort of {@code results} grouped by {@code key}. */
    Cohort cohort(List<CensusResult> results, String key) throws CategoryFileException {
        return Cohort.of(results, groupBy(key), keepDuplicates, jaccard);
    }
}
