package io.tinyforge.codegen;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The one FreeMarker configuration. Templates are classpath resources under {@code /templates} (the project's
 * {@code templates/} directory, packaged into the jar). Numbers print in computer format (no grouping, no
 * locale), booleans as {@code true}/{@code false}, and errors fail the generation.
 */
public final class Templates {
    private static final Configuration CONFIG = create();

    private Templates() {
    }

    private static Configuration create() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassForTemplateLoading(Templates.class, "/templates");
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        c.setBooleanFormat("c");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setAPIBuiltinEnabled(false);
        c.setWhitespaceStripping(true);
        return c;
    }

    /** The shared configuration (for callers that need to load a template themselves). */
    public static Configuration configuration() {
        return CONFIG;
    }

    /** Renders {@code templates/<path>} with {@code model} as the data model. */
    public static String render(String path, Object model) {
        try {
            Template t = CONFIG.getTemplate(path);
            StringWriter w = new StringWriter();
            t.process(model, w);
            return w.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("template " + path + ": " + e.getMessage(), e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + path + " failed: " + e.getMessageWithoutStackTop(), e);
        }
    }
}
