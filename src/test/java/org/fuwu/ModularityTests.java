package org.fuwu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Verifies the module boundaries on every build, and writes the module documentation into docs/modules. */
class ModularityTests {

    private static final Path DOCS = Path.of("docs/modules");

    private final ApplicationModules modules = ApplicationModules.of(FuwuApplication.class);

    @Test
    void modulesRespectTheirDeclaredBoundaries() {
        modules.verify();
    }

    /**
     * The module canvases read the Javadoc that Spring Modulith's processor collected; its reader (2.1.1) loses
     * its way on an unbalanced bracket in a comment, such as a half-open range written "[a, b)", and fails with
     * "No signature found in source map": write ranges in words.
     */
    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path puml : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(puml, stableRelations(Files.readAllLines(puml)));
            }
        }
    }

    /** The documenter writes relations in no fixed order; sorting each run of them keeps the files stable between builds. */
    static List<String> stableRelations(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("Rel(")) {
                run.add(line);
                continue;
            }
            Collections.sort(run);
            out.addAll(run);
            run.clear();
            out.add(line);
        }
        Collections.sort(run);
        out.addAll(run);
        return out;
    }
}
