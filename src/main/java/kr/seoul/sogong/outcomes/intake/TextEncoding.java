package kr.seoul.sogong.outcomes.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The two encodings a CSV may come in (contract §2): UTF-8, with or without BOM, or CP949
 * — what Excel on Korean Windows writes. A file is decoded strictly, whole, first as
 * UTF-8 and then as CP949; one that is neither is unreadable, never guessed at.
 */
public final class TextEncoding {

    public static final Charset CP949 = Charset.forName("x-windows-949");

    private TextEncoding() {
    }

    public static Optional<Charset> detect(Path file) throws IOException {
        if (decodesStrictly(file, StandardCharsets.UTF_8)) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (decodesStrictly(file, CP949)) {
            return Optional.of(CP949);
        }
        return Optional.empty();
    }

    public static String name(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "CP949";
    }

    public static Charset forName(String name) {
        return "CP949".equals(name) ? CP949 : StandardCharsets.UTF_8;
    }

    private static boolean decodesStrictly(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        try (InputStream stream = Files.newInputStream(file)) {
            int n;
            while ((n = stream.read(in.array(), in.position(), in.remaining())) != -1) {
                in.position(in.position() + n);
                in.flip();
                if (!decodeInto(decoder, in, out, false)) {
                    return false;
                }
                in.compact();
            }
            in.flip();
            return decodeInto(decoder, in, out, true) && !decoder.flush(out).isError();
        }
        catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean decodeInto(CharsetDecoder decoder, ByteBuffer in, CharBuffer out, boolean endOfInput) {
        while (true) {
            CoderResult result = decoder.decode(in, out, endOfInput);
            if (result.isError()) {
                return false;
            }
            out.clear();
            if (result.isUnderflow()) {
                // a truncated multi-byte sequence at the very end is malformed too
                return !endOfInput || !in.hasRemaining();
            }
        }
    }

    /**
     * Whether the first bytes of a file look like text (a CSV saved under a workbook's
     * name): no control characters but tab, line breaks and form feed.
     */
    static boolean looksLikeText(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return true;
    }

}
