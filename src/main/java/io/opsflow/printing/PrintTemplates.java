package io.opsflow.printing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Print templates: {@code <name>.html} from the template folder when it has one (not cached, so edits
 * show at once), otherwise from {@code print-templates/} on the classpath (the jar's copy). Names are
 * plain slugs, so a name can never leave those folders.
 */
class PrintTemplates {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private final Path folder;
    private final TemplateEngine engine = new SpringTemplateEngine();

    PrintTemplates(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
        FileTemplateResolver files = new FileTemplateResolver();
        files.setPrefix(this.folder + "/");
        files.setSuffix(".html");
        files.setTemplateMode(TemplateMode.HTML);
        files.setCharacterEncoding("UTF-8");
        files.setCacheable(false);
        files.setCheckExistence(true);
        files.setOrder(1);
        ClassLoaderTemplateResolver jar = new ClassLoaderTemplateResolver(PrintTemplates.class.getClassLoader());
        jar.setPrefix("print-templates/");
        jar.setSuffix(".html");
        jar.setTemplateMode(TemplateMode.HTML);
        jar.setCharacterEncoding("UTF-8");
        jar.setCheckExistence(true);
        jar.setOrder(2);
        engine.addTemplateResolver(files);
        engine.addTemplateResolver(jar);
    }

    boolean exists(String name) {
        return NAME.matcher(name).matches()
                && (Files.isRegularFile(folder.resolve(name + ".html"))
                        || PrintTemplates.class.getClassLoader().getResource("print-templates/" + name + ".html") != null);
    }

    String render(String name, Map<String, Object> model, Locale locale) {
        if (name == null || !exists(name)) {
            throw new PrintException("Unknown print template: " + name);
        }
        try {
            return engine.process(name, new Context(locale, model));
        } catch (TemplateEngineException e) {
            throw new PrintException("Print template " + name + " failed: " + e.getMessage(), e);
        }
    }
}
