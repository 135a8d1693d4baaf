package org.gatehouse.shell.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SecretInputTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void aPasswordFileGivesItsFirstLineWithoutTheLineEnd() throws Exception {
        Path file = folder.newFile().toPath();
        Files.writeString(file, " pa ss:wörd \r\nsecond line\n", StandardCharsets.UTF_8);
        assertEquals(" pa ss:wörd ", SecretInput.fromFile(file, "password"));
    }

    @Test
    public void anEmptyOrMissingFileIsRefusedWithoutItsContent() throws Exception {
        Path empty = folder.newFile().toPath();
        assertEquals("password file " + empty + " is empty", assertThrows(IllegalArgumentException.class,
                () -> SecretInput.fromFile(empty, "password")).getMessage());

        Path missing = folder.getRoot().toPath().resolve("missing");
        assertEquals("cannot read password file " + missing + ": NoSuchFileException",
                assertThrows(IllegalArgumentException.class, () -> SecretInput.fromFile(missing, "password"))
                        .getMessage());
    }

    @Test
    public void aFileThatIsNotTextSaysSoWithoutShowingBytes() throws Exception {
        Path binary = folder.newFile().toPath();
        Files.write(binary, new byte[] {(byte) 0xC3, (byte) 0x28, 's', '3', 'c'});
        String message = assertThrows(IllegalArgumentException.class,
                () -> SecretInput.fromFile(binary, "key")).getMessage();
        assertEquals("cannot read key file " + binary + ": MalformedInputException", message);
        assertFalse(message.contains("s3c"));
    }
}
