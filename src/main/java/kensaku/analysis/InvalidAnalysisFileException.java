package kensaku.analysis;

/**
 * A file of the analysis folder that cannot be used, with the line at fault (0 when the whole file is): the
 * message reads {@code /srv/analysis/synonyms.txt:3: …} so an operator goes straight to it.
 */
public final class InvalidAnalysisFileException extends Exception {
    private final String file;
    private final int line;
    private final String reason;

    public InvalidAnalysisFileException(String file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** The line at fault, from 1; 0 when the file as a whole is. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
