package io.tinyforge.codegen;

import io.tinyforge.ir.ModelException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** C identifiers: validating a user-given model name and deriving one from a file name. */
public final class CNames {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Set<String> KEYWORDS = Set.of("auto", "break", "case", "char", "const", "continue",
            "default", "do", "double", "else", "enum", "extern", "float", "for", "goto", "if", "inline", "int",
            "long", "register", "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch",
            "typedef", "union", "unsigned", "void", "volatile", "while", "main");

    private CNames() {
    }

    /** {@code name} if it is a usable C identifier, else a one-line {@link ModelException}. */
    public static String checkModelName(String name) {
        if (!IDENT.matcher(name).matches() || KEYWORDS.contains(name) || name.startsWith("tfg_")) {
            throw new ModelException("--name '" + name + "' is not a usable C identifier (letters, digits, _; "
                    + "not starting with a digit or tfg_; at most 63 characters)");
        }
        return name;
    }

    /** A C identifier derived from a model file name: lower case, other characters become '_'. */
    public static String fromFileName(String fileName) {
        String base = fileName.replaceFirst("\\.[A-Za-z0-9]+$", "").toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (char ch : base.toCharArray()) {
            sb.append(ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '_' ? ch : '_');
        }
        String s = sb.toString().replaceAll("_+", "_");
        if (s.isEmpty() || Character.isDigit(s.charAt(0)) || KEYWORDS.contains(s) || s.startsWith("tfg_")) {
            s = "m_" + s;
        }
        return s.length() > 63 ? s.substring(0, 63) : s;
    }

    /** {@code hint} reduced to identifier characters (for array names). */
    public static String sanitizeHint(String hint) {
        String s = hint == null ? "" : hint.replaceAll("[^A-Za-z0-9_]", "_");
        return s.isEmpty() ? "c" : s;
    }

    /**
     * Text safe inside a C block comment on one line: no comment end, no trigraph start ({@code ??}), no control
     * characters (so a tensor name from the model file cannot break the generated code).
     */
    public static String comment(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (char ch : text.toCharArray()) {
            sb.append(Character.isISOControl(ch) ? ' ' : ch);
        }
        String s = sb.toString();
        while (s.contains("*/") || s.contains("??") || s.contains("/*")) {
            s = s.replace("*/", "* /").replace("??", "? ?").replace("/*", "/ *");
        }
        return s;
    }
}
