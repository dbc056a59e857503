package ru.msoko.core.demo;

import java.nio.file.Path;
import java.util.List;

/** What the generator wrote: the school directory, the result files, the ground truth of planted manipulations. */
public record DemoManifest(Path schoolsFile, List<Path> resultFiles, Path plantedFile, long resultRows) {
    public DemoManifest {
        resultFiles = List.copyOf(resultFiles);
    }
}
