package org.circuitgrammar.corpus.provenance;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The configuration of one pipeline step, implemented by that step's own options record (e.g. the census
 * parameters). Jackson serialises the implementing record's components plus {@code step}, so every field of the
 * step's configuration lands in the provenance; never a free-form map.
 */
public interface StepConfig {
    /** The step's name, e.g. {@code census}. (Annotated because it is not a record component of implementors.) */
    @JsonProperty("step")
    String step();
}
