package io.tinyforge.codegen;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import java.util.List;

/**
 * Template helper {@code indent(text, n)}: re-indents a block printed by an operator macro so that its least
 * indented line starts at column {@code n}, dropping blank lines at both ends and trailing spaces.
 */
final class CText implements TemplateMethodModelEx {

    static String indent(String text, int n) {
        List<String> lines = text.replace("\r\n", "\n").lines().map(String::stripTrailing).toList();
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).isEmpty()) {
            from++;
        }
        while (to > from && lines.get(to - 1).isEmpty()) {
            to--;
        }
        int common = Integer.MAX_VALUE;
        for (String l : lines.subList(from, to)) {
            if (!l.isEmpty()) {
                common = Math.min(common, l.length() - l.stripLeading().length());
            }
        }
        String pad = " ".repeat(n);
        StringBuilder sb = new StringBuilder();
        for (String l : lines.subList(from, to)) {
            if (!l.isEmpty()) {
                sb.append(pad).append(l.substring(common).replace("\t", "    "));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List args) throws TemplateModelException {
        if (args.size() != 2 || !(args.get(0) instanceof TemplateScalarModel s)
                || !(args.get(1) instanceof TemplateNumberModel n)) {
            throw new TemplateModelException("indent(text, columns) expects a string and a number");
        }
        return indent(s.getAsString(), n.getAsNumber().intValue());
    }
}
