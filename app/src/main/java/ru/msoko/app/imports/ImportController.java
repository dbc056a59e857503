package ru.msoko.app.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Upload page and import log. Schools cannot import (the municipality loads its schools' data). */
@Controller
class ImportController {

    private final ImportService service;
    private final ImportLog log;

    ImportController(ImportService service, ImportLog log) {
        this.service = service;
        this.log = log;
    }

    @GetMapping("/imports")
    String page(Model model) {
        model.addAttribute("log", log.recent(50));
        return "imports";
    }

    @PostMapping("/imports")
    @PreAuthorize("hasAnyRole('REGION', 'MUNICIPALITY')")
    String upload(@RequestParam("files") List<MultipartFile> files, Authentication auth, Model model)
            throws IOException {
        List<ImportOutcome> outcomes = new ArrayList<>();
        for (MultipartFile f : files) {
            outcomes.add(importOne(f, auth.getName()));
        }
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("log", log.recent(50));
        return "imports";
    }

    private ImportOutcome importOne(MultipartFile f, String user) throws IOException {
        String name = safeName(f.getOriginalFilename());
        Path tmp = Files.createTempFile("msoko-upload-", ".tmp");
        try {
            try (InputStream in = f.getInputStream()) {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return service.importFile(tmp, name, user, ImportOptions.STRICT);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Only the last path element of what the browser sent: the name is shown, never used as a path. */
    static String safeName(String original) {
        if (original == null || original.isBlank()) {
            return "без имени";
        }
        String n = original.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip();
        return n.isEmpty() ? "без имени" : n;
    }
}
