import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Splits the CPU samples of a JFR recording of {@code kensaku index --full} into the build's stages, by the frames
 * on each sample's stack (docs/BENCHMARKS.md, "Where a build's time goes"). Run as a single-file program:
 *
 * <pre>java src/bench/scripts/IndexStages.java build.jfr [--other 20]</pre>
 *
 * Samples only cover Java threads; the JIT compiler and the collector are reported from their own events.
 */
public final class IndexStages {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int showOther = args.length > 2 && args[1].equals("--other") ? Integer.parseInt(args[2]) : 0;
        Map<String, Integer> stages = new TreeMap<>();
        Map<String, Integer> other = new HashMap<>();
        int samples = 0;
        double gcPauseMs = 0;
        double compileMs = 0;
        long firstSample = Long.MAX_VALUE;
        long lastSample = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    if (event.getStackTrace() == null) {
                        continue;
                    }
                    List<String> frames = new ArrayList<>();
                    for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                        frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
                    }
                    String stage = stageOf(frames);
                    stages.merge(stage, 1, Integer::sum);
                    if (stage.startsWith("other") && showOther > 0) {
                        other.merge(String.join(" < ", frames.subList(0, Math.min(6, frames.size()))), 1, Integer::sum);
                    }
                    samples++;
                    long t = event.getStartTime().toEpochMilli();
                    firstSample = Math.min(firstSample, t);
                    lastSample = Math.max(lastSample, t);
                }
                case "jdk.GarbageCollection" -> gcPauseMs += event.getDuration().toNanos() / 1e6;
                case "jdk.Compilation" -> compileMs += event.getDuration().toNanos() / 1e6;
                default -> { }
            }
        }
        System.out.printf("%d CPU samples of Java threads over %.1f s%n", samples, (lastSample - firstSample) / 1e3);
        int total = samples;
        stages.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("%6.1f%%  %6d  %s%n", 100.0 * e.getValue() / total, e.getValue(), e.getKey()));
        System.out.printf("collector: %.1f s of pauses (wall); JIT compilations: %.1f s (wall, compiler threads)%n",
                gcPauseMs / 1e3, compileMs / 1e3);
        other.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(showOther)
                .forEach(e -> System.out.println(e.getValue() + "  " + e.getKey()));
    }

    /** frames: leaf first. */
    static String stageOf(List<String> frames) {
        if (has(frames, "IndexVerifier.verify")) {
            return "verify (read back every file's checksum)";
        }
        if (has(frames, "IndexWriter.commit") || has(frames, "IndexWriter.prepareCommit")) {
            return "commit (fsync, segments file)";
        }
        if (has(frames, "DocumentsWriterPerThread.flush") || has(frames, "DocumentsWriter.doFlush")) {
            return "flush: " + flushPart(frames);
        }
        if (has(frames, "IndexWriter.merge") || has(frames, "ConcurrentMergeScheduler$MergeThread.run")
                || has(frames, "IndexWriter.forceMerge")) {
            return "merging: " + mergePart(frames);
        }
        if (has(frames, "ArticleReader.read")) {
            if (has(frames, "MarkdownText.")) {
                return has(frames, "org.jsoup.") ? "markdown → text: jsoup (HTML clean, text)" : "markdown → text: commonmark";
            }
            if (has(frames, "FrontMatter.") || has(frames, "PublishingKeys.") || has(frames, "ArticleDates.")) {
                return "front matter";
            }
            if (has(frames, "TextDecoder.")) {
                return "reading: decoding";
            }
            if (has(frames, "ArticleReader.sha256")) {
                return "reading: content hash";
            }
            if (has(frames, "Files.readAllBytes") || has(frames, "Files.size")) {
                return "reading: file bytes";
            }
            if (has(frames, "ArticleReader.firstHeading")) {
                return "front matter";
            }
            return "reading: other";
        }
        if (has(frames, "Indexer.companiesOf")) {
            return "company matching";
        }
        if (has(frames, "CompressedText.compress")) {
            return "body_html: compress (doc value)";
        }
        if (has(frames, "FacetsConfig.build")) {
            return "facets: FacetsConfig.build";
        }
        if (has(frames, "Schema.toDocument")) {
            return "document: Schema.toDocument (other)";
        }
        if (has(frames, "IndexingChain.processDocument") || has(frames, "DocumentsWriterPerThread.updateDocuments")) {
            return invertPart(frames);
        }
        if (has(frames, "IndexWriter.updateDocument")) {
            return "writer: updateDocument other";
        }
        if (has(frames, "JapaneseAnalyzers.<init>") || has(frames, "CompanyGazetteer.") || has(frames, "TokenInfoDictionary")) {
            return "start: analyzers, dictionary, gazetteer";
        }
        if (has(frames, "ArticleReader.listFiles")) {
            return "listing files";
        }
        if (has(frames, "IndexDirectory.publish") || has(frames, "IndexDirectory.remove")) {
            return "switch and clean-up";
        }
        if (has(frames, "picocli.") || has(frames, "Main.main") || has(frames, "ClassLoader")) {
            return "start: CLI, class loading";
        }
        return "other: " + (frames.isEmpty() ? "?" : frames.get(0));
    }

    private static String invertPart(List<String> frames) {
        boolean reading = has(frames, "ReadingKanaFilter.") || has(frames, "JapaneseReadingFormFilter.")
                || has(frames, "TeeSinkTokenFilter$SinkTokenStream.");
        String view = reading ? "reading view"
                : has(frames, "CJKBigramFilter.") || has(frames, "StandardTokenizer") ? "bigram view"
                : has(frames, "ja.") ? "morphological view" : null;
        for (String frame : frames) { // leaf first: the innermost known piece does the work
            if (frame.contains("TeeSinkTokenFilter") && !reading) {
                return "analysis, morphological view: keeping each token for the reading view";
            }
            if (reading && frame.contains("analysis.")) {
                return "analysis, reading view: " + (frame.contains("analysis.ja.JapaneseTokenizer")
                        || frame.contains("analysis.ja.dict") || frame.contains("analysis.morph")
                        || frame.contains("analysis.ja.Viterbi") ? "Kuromoji tokenizer (own pass)"
                        : "replayed tokens, readings, kana, bigrams");
            }
            if (frame.contains("PatternReplaceCharFilter") || frame.startsWith("java.util.regex")) {
                return "analysis, " + viewOr(view) + ": regex char filters (dash, thousands)";
            }
            if (frame.contains("CJKWidthCharFilter")) {
                return "analysis, " + viewOr(view) + ": width char filter";
            }
            if (frame.contains("analysis.ja.JapaneseTokenizer") || frame.contains("analysis.ja.dict")
                    || frame.contains("analysis.morph") || frame.contains("analysis.util.RollingCharBuffer")
                    || frame.contains("analysis.ja.ViterbiNBest") || frame.contains("analysis.ja.Lattice")
                    || frame.contains("analysis.ja.Viterbi") || frame.contains("fst.")) {
                return "analysis, morphological view: Kuromoji tokenizer";
            }
            if (frame.contains("analysis.ja.")) {
                return "analysis, morphological view: filters (base form, POS, stop, stem)";
            }
            if (frame.contains("StandardTokenizer")) {
                return "analysis, bigram view: standard tokenizer";
            }
            if (frame.contains("CJKBigramFilter")) {
                return "analysis, bigram view: bigram filter";
            }
            if (frame.contains("analysis.")) {
                return "analysis, " + viewOr(view) + ": other filters";
            }
            if (frame.contains("FreqProxTermsWriterPerField") || frame.contains("TermsHashPerField")
                    || frame.contains("BytesRefHash") || frame.contains("ByteBlockPool") || frame.contains("IntBlockPool")
                    || frame.contains("ByteSlice")) {
                return "inverting: postings, positions, offsets (in memory)";
            }
            if (frame.contains("StoredFieldsConsumer") || frame.contains("StoredFieldsWriter")) {
                return "stored fields (buffer, LZ4 per block)";
            }
            if (frame.contains("DocValuesWriter") || frame.contains("DocValues")) {
                return "doc values (buffer)";
            }
            if (frame.contains("NormValuesWriter") || frame.contains("Norms")) {
                return "norms";
            }
            if (frame.contains("PointValuesWriter") || frame.contains("Points")) {
                return "points";
            }
        }
        return "inverting: other IndexingChain";
    }

    private static String viewOr(String view) {
        return view == null ? "?" : view;
    }

    private static String flushPart(List<String> frames) {
        if (has(frames, "FreqProxTermsWriter.flush") || has(frames, "PostingsWriter") || has(frames, "BlockTree")) {
            return "postings (terms, positions, offsets)";
        }
        if (has(frames, "StoredFields")) {
            return "stored fields";
        }
        if (has(frames, "DocValues")) {
            return "doc values";
        }
        if (has(frames, "Norms")) {
            return "norms";
        }
        return "other";
    }

    private static String mergePart(List<String> frames) {
        if (has(frames, "Postings") || has(frames, "BlockTree") || has(frames, "mergeTerms") || has(frames, "FieldsConsumer")) {
            return "postings";
        }
        if (has(frames, "StoredFields") || has(frames, "mergeFields")) {
            return "stored fields";
        }
        if (has(frames, "DocValues")) {
            return "doc values";
        }
        if (has(frames, "Norms")) {
            return "norms";
        }
        if (has(frames, "flush")) {
            return "flush before merge";
        }
        return "other";
    }

    private static boolean has(List<String> frames, String part) {
        for (String frame : frames) {
            if (frame.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
