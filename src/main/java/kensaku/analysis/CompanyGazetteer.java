package kensaku.analysis;

import java.util.List;
import java.util.Set;

/** Placeholder: the analysis work fills this in. */
public final class CompanyGazetteer {
    /** A company: its canonical (display and facet) name and every alias that names it. */
    public record Company(String canonical, List<String> aliases) {
        public Company { aliases = List.copyOf(aliases); }
    }

    /** The gazetteer shipped in the jar (src/main/resources/kensaku/analysis/companies.tsv or similar). */
    public static CompanyGazetteer builtIn() { throw new UnsupportedOperationException("todo"); }

    public static CompanyGazetteer load(java.nio.file.Path file) throws java.io.IOException { throw new UnsupportedOperationException("todo"); }

    public CompanyGazetteer extendedWith(CompanyGazetteer other) { throw new UnsupportedOperationException("todo"); }

    public List<Company> companies() { throw new UnsupportedOperationException("todo"); }

    /** Canonical names of the companies mentioned in the text, respecting word boundaries. */
    public Set<String> companiesIn(String text) { throw new UnsupportedOperationException("todo"); }

    /** The canonical name when the tag names a company (any alias, case- and width-insensitive). */
    public java.util.Optional<String> companyForTag(String tag) { throw new UnsupportedOperationException("todo"); }
}
