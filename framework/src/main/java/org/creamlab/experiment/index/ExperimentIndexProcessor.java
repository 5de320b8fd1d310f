package org.creamlab.experiment.index;

import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Build-time discovery (like JMH's benchmark list): writes the names of all classes annotated with
 * {@link org.creamlab.experiment.Experiment} in a compilation to {@value #INDEX}, which
 * {@link org.creamlab.experiment.ExperimentRegistry} reads at run time.
 */
@SupportedAnnotationTypes("org.creamlab.experiment.Experiment")
public final class ExperimentIndexProcessor extends AbstractProcessor {

    /** Classpath resource listing experiment classes, one binary name per line. */
    public static final String INDEX = "META-INF/creamlab/experiments";

    private final Set<String> found = new TreeSet<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element e : round.getElementsAnnotatedWith(annotation)) {
                if (e.getKind() != ElementKind.CLASS) {
                    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "@Experiment goes on a class", e);
                    continue;
                }
                found.add(processingEnv.getElementUtils().getBinaryName((TypeElement) e).toString());
            }
        }
        if (round.processingOver() && !found.isEmpty()) {
            try {
                FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
                try (Writer w = file.openWriter()) {
                    for (String name : found) {
                        w.write(name);
                        w.write('\n');
                    }
                }
            } catch (IOException e) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + INDEX + ": " + e);
            }
        }
        return false;
    }
}
