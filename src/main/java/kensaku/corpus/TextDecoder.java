package kensaku.corpus;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns a file's bytes into text: UTF-8 (a BOM is dropped), or Shift_JIS / EUC-JP when the bytes are not UTF-8
 * and the detector recognises one of them. Anything else is refused rather than decoded into mojibake.
 * Line ends are normalised to {@code \n}.
 */
final class TextDecoder {
    /** The decoded text, or why there is none. */
    record Decoded(String text, String problem) {
        static Decoded ok(String text) {
            return new Decoded(text, null);
        }

        static Decoded failed(String problem) {
            return new Decoded(null, problem);
        }
    }

    private TextDecoder() {}

    static Decoded decode(byte[] bytes) {
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        if (looksBinary(bytes)) {
            return Decoded.failed("encoding: binary file (NUL bytes), not text");
        }
        try {
            return Decoded.ok(normalizeLineEnds(strict(StandardCharsets.UTF_8, bytes, start)));
        } catch (CharacterCodingException notUtf8) {
            return decodeJapanese(bytes);
        }
    }

    private static Decoded decodeJapanese(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, bytes.length);
        detector.dataEnd();
        String detected = detector.getDetectedCharset();
        Charset charset = switch (detected == null ? "" : detected) {
            case "SHIFT_JIS" -> Charset.forName("windows-31j");
            case "EUC-JP" -> Charset.forName("EUC-JP");
            default -> null;
        };
        if (charset == null) {
            return Decoded.failed("encoding: not UTF-8 and not a recognised Japanese encoding (Shift_JIS, EUC-JP)"
                    + (detected == null ? "" : "; looks like " + detected));
        }
        try {
            return Decoded.ok(normalizeLineEnds(strict(charset, bytes, 0)));
        } catch (CharacterCodingException e) {
            return Decoded.failed("encoding: looks like " + detected + " but does not decode cleanly");
        }
    }

    private static String strict(Charset charset, byte[] bytes, int start) throws CharacterCodingException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
        return chars.toString();
    }

    private static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF;
    }

    private static boolean looksBinary(byte[] bytes) {
        int limit = Math.min(bytes.length, 8192);
        for (int i = 0; i < limit; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static String normalizeLineEnds(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
