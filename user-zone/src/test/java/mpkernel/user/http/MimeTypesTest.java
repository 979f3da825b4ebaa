package mpkernel.user.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MimeTypesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/host/index.html|text/html; charset=utf-8",
        "/host/INDEX.HTM|text/html; charset=utf-8",
        "/host/data.json|application/json",
        "/host/blob.bin|application/octet-stream",
        "/host/a.tar.gz|application/gzip",
        "/host/photo.JPG|image/jpeg",
        "/host/notes.txt|text/plain; charset=utf-8",
        "/host/README|text/plain; charset=utf-8",
        "/host/.profile|text/plain; charset=utf-8",
        "/host/file.unknownext|text/plain; charset=utf-8",
        "/dir.json/plain|text/plain; charset=utf-8",
        "/proc/net|text/plain; charset=utf-8",
    })
    void theExtensionOfTheNameGivesTheType(String path, String type) {
        assertEquals(type, MimeTypes.of(path));
    }
}
