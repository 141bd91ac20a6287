package kensaku.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import kensaku.analysis.AnalysisConfig;
import kensaku.analysis.AnalysisFolder;
import kensaku.analysis.CompanyGazetteer;
import kensaku.analysis.InvalidAnalysisFileException;
import picocli.CommandLine.Option;

/** Options every command that touches an index shares (the benchmark's query-cpu too). */
public final class CommonOptions {
    @Option(names = "--index", defaultValue = "index", description = "Index folder (default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--zone", defaultValue = "Asia/Tokyo",
            description = "Display time zone for dates and month facets (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--analysis", paramLabel = "DIR",
            description = "Analysis folder you edit: synonyms.txt, userdict.txt, stopwords.txt, companies.tsv (each "
                    + "optional; the built-in file otherwise). serve reloads synonyms and companies within seconds.")
    Path analysis;

    @Option(names = "--companies", description = "A company gazetteer file of your own (same format as the built-in one).")
    Path companies;

    @Option(names = "--companies-mode", defaultValue = "extend",
            description = "extend: add your file to the built-in gazetteer; replace: use only your file.")
    String companiesMode;

    public Path index() {
        return index;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The analysis folder with --companies and --companies-mode; the built-in files where it has none. */
    public AnalysisFolder analysisFolder() {
        return new AnalysisFolder(analysis, companies, "replace".equals(companiesMode));
    }

    /** The analysis folder's files, read and checked (a bad line: the file and the line). */
    public AnalysisConfig analysisConfig() throws IOException, InvalidAnalysisFileException {
        return analysisFolder().load();
    }

    /** The company gazetteer in force: --companies, else the analysis folder's companies.tsv, with the built-in one. */
    public CompanyGazetteer gazetteer() throws IOException {
        try {
            return analysisFolder().gazetteer();
        } catch (InvalidAnalysisFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
