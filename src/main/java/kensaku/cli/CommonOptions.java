package kensaku.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import kensaku.analysis.CompanyGazetteer;
import picocli.CommandLine.Option;

/** Options every command that touches an index shares (the benchmark's query-cpu too). */
public final class CommonOptions {
    @Option(names = "--index", defaultValue = "index", description = "Index folder (default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--zone", defaultValue = "Asia/Tokyo",
            description = "Display time zone for dates and month facets (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

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

    public CompanyGazetteer gazetteer() throws IOException {
        if (companies == null) {
            return CompanyGazetteer.builtIn();
        }
        CompanyGazetteer own = CompanyGazetteer.load(companies);
        return "replace".equals(companiesMode) ? own : CompanyGazetteer.builtIn().extendedWith(own);
    }
}
