package io.camelupbit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Captures log lines, stack traces included, until closed: of every logger at TRACE, or at the configured levels. */
public final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final Map<String, Level> previousLevels = new java.util.HashMap<>();

    /** Captures everything at TRACE. */
    public LogCapture() {
        this(true);
    }

    /**
     * @param everything true to lower every logger to TRACE, false to capture at the levels configured
     */
    public LogCapture(boolean everything) {
        super("log-capture", null, null, true, Property.EMPTY_ARRAY);
        start();
        Configuration configuration = context.getConfiguration();
        configuration.addAppender(this);
        if (everything) {
            for (LoggerConfig logger : configuration.getLoggers().values()) {
                previousLevels.put(logger.getName(), logger.getLevel());
                logger.setLevel(Level.TRACE);
            }
        }
        configuration.getRootLogger().addAppender(this, Level.TRACE, null);
        context.updateLoggers();
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                .append(event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            StringWriter trace = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(' ').append(trace);
        }
        lines.add(line.toString());
    }

    public List<String> lines() {
        return lines;
    }

    @Override
    public void close() {
        Configuration configuration = context.getConfiguration();
        configuration.getRootLogger().removeAppender(getName());
        previousLevels.forEach((name, level) -> configuration.getLoggers().get(name).setLevel(level));
        context.updateLoggers();
        stop();
    }
}
