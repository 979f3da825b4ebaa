package mpkernel.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A result file's text. Every result format is UTF-8 text, so anything else (a folder with a
 * result's name, a binary file, a file that cannot be opened) is a {@link BadResultFile} saying
 * which, instead of an I/O exception deep inside a parser.
 */
final class ResultText {

    private ResultText() {
    }

    /** The content of {@code file} as text. */
    static String read(Path file) throws BadResultFile {
        if (Files.isDirectory(file)) {
            throw new BadResultFile(file, "a folder, not a result file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadResultFile(file, "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        // NUL never occurs in the text the experiments write, and binary files almost always contain it.
        for (byte b : bytes) {
            if (b == 0) {
                throw new BadResultFile.NotText(file, "a binary file, not a result file", null);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadResultFile.NotText(file, "not UTF-8 text, so not a result file", e);
        }
    }
}
