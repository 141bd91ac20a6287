package kensaku.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a command writes to the terminal besides its own output: {@code search}, {@code index} and the other
 * commands print for people, so their libraries' INFO lines stay off; {@code serve} keeps INFO (its log is for the
 * operator) with a time on every line. Set before the first logger exists, which is why {@link Main} calls it first.
 */
public final class QuietStart {
    /** java.util.logging holds loggers weakly: a level set on one nobody references is lost with it. */
    private static final Logger LUCENE = Logger.getLogger("org.apache.lucene");
    private static final Logger VECTORIZATION = Logger.getLogger("org.apache.lucene.internal.vectorization");

    private QuietStart() {}

    public static void configureLogging(String command) {
        // One line per record, as SLF4J's lines are, instead of java.util.logging's two.
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL%1$tz [%2$s] %4$s %5$s%6$s%n");
        if (command.equals("serve")) {
            setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
            setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
            // Jetty's and Javalin's start-up lines (versions, handlers, connectors) say nothing the operator needs
            // beyond kensaku's own "serving … on …" line; their warnings and errors still show.
            setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
            setIfAbsent("org.slf4j.simpleLogger.log.io.javalin", "warn");
        } else {
            setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            LUCENE.setLevel(Level.WARNING);
            // Only serve adds the incubating Vector API (bin/kensaku); the others go without on purpose: a search or
            // a build spends its time elsewhere, and Lucene's advice to add the module is not news to anyone here.
            VECTORIZATION.setLevel(Level.SEVERE);
        }
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
