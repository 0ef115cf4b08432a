package org.circuitgrammar.reports.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.circuitgrammar.motifs.result.CensusResult;
import org.circuitgrammar.motifs.result.CensusResultCodec;
import org.circuitgrammar.motifs.result.InvalidResultException;

/**
 * The census results named on a command line, read through {@link CensusResultCodec} (the one reader): files as
 * given, folders searched for {@code *.census.json}. A file that cannot be read is one line in {@link #errors()}
 * (file, JSON path, reason) and the batch goes on. {@code O(total file size)}, files parsed in parallel; the output
 * order is the path order whatever the thread count.
 *
 * @param results the results read, in path order
 * @param errors  one line per path or file that could not be read
 */
public record ResultBatch(List<CensusResult> results, List<String> errors) {
    public ResultBatch {
        results = List.copyOf(results);
        errors = List.copyOf(errors);
    }

    /** Reads every result under {@code paths}. */
    public static ResultBatch read(List<Path> paths) {
        List<CensusResult> results = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            try {
                files.addAll(CensusResultCodec.resultFiles(List.of(p)));
            } catch (IOException | java.io.UncheckedIOException e) {
                String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                        : e.getMessage();
                errors.add(p + ": " + reason);
            }
        }
        // parsed in parallel (the codec is thread-safe), collected in path order
        List<Object> parsed = files.parallelStream().map(f -> {
            try {
                return (Object) CensusResultCodec.read(f);
            } catch (InvalidResultException e) {
                return e.getMessage();
            }
        }).toList();
        for (Object o : parsed) {
            if (o instanceof CensusResult r) {
                results.add(r);
            } else {
                errors.add((String) o);
            }
        }
        if (results.isEmpty() && errors.isEmpty()) {
            errors.add(String.join(", ", paths.stream().map(Path::toString).toList())
                    + ": no census result (*" + CensusResultCodec.SUFFIX + ") found");
        }
        return new ResultBatch(results, errors);
    }
}
