package org.circuitgrammar.tracer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.circuitgrammar.tracer.io.InvalidModelFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
    @TempDir
    Path dir;

    @Test
    void locate_llama2cFolder_checkpointAndTokenizer() throws IOException {
        ModelFiles files = ModelFiles.locate(SharedModel.stories260K());
        assertEquals(ModelFiles.Format.LLAMA2C, files.format());
        assertEquals("stories260K.bin", files.location().getFileName().toString());
        assertEquals("tok512.bin", files.tokenizer().getFileName().toString());
    }

    @Test
    void locate_checkpointFile_tokenizerBesideIt() throws IOException {
        ModelFiles files = ModelFiles.locate(SharedModel.checkpoint());
        assertEquals(SharedModel.checkpoint(), files.location());
        assertEquals("tok512.bin", files.tokenizer().getFileName().toString());
    }

    @Test
    void locate_folderWithTwoCheckpoints_asksForOne() throws IOException {
        Files.write(dir.resolve("a.bin"), new byte[4]);
        Files.write(dir.resolve("b.bin"), new byte[4]);
        InvalidModelFileException e = assertThrows(InvalidModelFileException.class, () -> ModelFiles.locate(dir));
        assertTrue(e.getMessage().contains("several checkpoints"), e.getMessage());
    }

    @Test
    void locate_emptyFolderOrMissingPath_oneLineErrors() {
        assertThrows(InvalidModelFileException.class, () -> ModelFiles.locate(dir));
        assertThrows(NoSuchFileException.class, () -> ModelFiles.locate(dir.resolve("missing")));
    }

    @Test
    void locate_hfFolderOfUnknownType_namesModelType() throws IOException {
        Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"mamba\"}");
        InvalidModelFileException e = assertThrows(InvalidModelFileException.class, () -> ModelFiles.locate(dir));
        assertEquals("$.model_type", e.location());
    }

    @Test
    void loadTokenizer_none_namesTheModel() throws IOException {
        Files.copy(SharedModel.checkpoint(), dir.resolve("m.bin"));
        ModelFiles files = ModelFiles.locate(dir);
        assertNull(files.tokenizer());
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> files.loadTokenizer(512));
        assertTrue(e.getMessage().contains("no llama2.c tokenizer"), e.getMessage());
    }
}
