package io.opsflow.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;

/** Appends the measured figures of each row to target/fault-figures.txt (printed by scripts/fault-suite.sh). */
final class Figures {

    private static final Path FILE = Path.of("target", "fault-figures.txt");

    private Figures() {}

    static void record(int row, String what, String value) {
        String line = "row " + row + " | " + what + " | " + value + System.lineSeparator();
        System.out.print("FIGURE " + line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("cannot write " + FILE + ": " + e.getMessage());
        }
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
