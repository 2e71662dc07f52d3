package io.tinyforge.firmware;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The FreeMarker configuration for {@code templates/firmware/*.ftl} (classpath first, then the source tree).
 * These templates use {@code [=expr]} interpolation so that Makefile, CMake and Robot {@code ${...}} stay literal.
 */
final class FirmwareTemplates {

    private static final Configuration CFG = create();

    private FirmwareTemplates() {
    }

    private static Configuration create() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        loaders.add(new ClassTemplateLoader(FirmwareTemplates.class, "/templates/firmware"));
        File local = new File("templates/firmware");
        if (local.isDirectory()) {
            try {
                loaders.add(new FileTemplateLoader(local));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(new TemplateLoader[0])));
        cfg.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNumberFormat("computer");
        return cfg;
    }

    /** Renders {@code name} (e.g. {@code link.ld.ftl}) with {@code model}. */
    static String render(String name, Map<String, Object> model) {
        try {
            StringWriter w = new StringWriter();
            CFG.getTemplate(name).process(model, w);
            return w.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("firmware template " + name, e);
        } catch (TemplateException e) {
            throw new IllegalStateException("firmware template " + name + ": " + e.getMessage(), e);
        }
    }
}
