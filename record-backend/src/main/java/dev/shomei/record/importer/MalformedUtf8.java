package dev.shomei.record.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The line of a file's first byte that is not UTF-8. The JDK's reader reports a malformed byte
 * only for the buffer it sits in, so the CSV reader's line count cannot tell where it is; this
 * decodes again, streaming, only on that error path. (Commons CSV, which parses the file, reads
 * characters, not bytes, so it cannot say either; no library here reports a malformed byte's line.)
 */
final class MalformedUtf8 {
    private MalformedUtf8() {
    }

    /** 1-based line of the first malformed or truncated UTF-8 sequence, or 0 when the file is UTF-8. */
    static int firstBadLine(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(8192);
        CharBuffer out = CharBuffer.allocate(8192);
        int line = 1;
        try (InputStream stream = Files.newInputStream(file)) {
            boolean end = false;
            while (true) {
                int n = end ? -1 : stream.read(in.array(), in.position(), in.remaining());
                end = n < 0;
                if (n > 0) {
                    in.position(in.position() + n);
                }
                in.flip();
                CoderResult result = decoder.decode(in, out, end);
                line += newlines(out);
                if (result.isError() || end && in.hasRemaining()) {
                    return line;
                }
                if (end) {
                    return 0;
                }
                in.compact();
            }
        }
    }

    private static int newlines(CharBuffer out) {
        out.flip();
        int count = 0;
        while (out.hasRemaining()) {
            if (out.get() == '\n') {
                count++;
            }
        }
        out.clear();
        return count;
    }
}
