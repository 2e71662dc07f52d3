package io.tinyforge.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tinyforge version from the build's {@code version.properties} ("dev" when run unpackaged). */
public final class ToolVersion {
    private static final String VERSION = load();

    private ToolVersion() {
    }

    private static String load() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("/io/tinyforge/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }

    public static String get() {
        return VERSION;
    }
}
