package io.opsflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A results table printed to the console and written as Markdown and CSV to {@code target/bench/}. */
final class ResultTable {

    private final String title;
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    ResultTable(String title, String... columns) {
        this.title = title;
        this.columns = List.of(columns);
    }

    void add(Object... values) {
        List<String> row = new ArrayList<>();
        for (Object value : values) {
            row.add(format(value));
        }
        rows.add(row);
    }

    void note(String note) {
        notes.add(note);
    }

    String markdown() {
        var out = new StringBuilder("### ").append(title).append("\n\n");
        out.append("| ").append(String.join(" | ", columns)).append(" |\n");
        out.append("|").append("---|".repeat(columns.size())).append("\n");
        rows.forEach(row -> out.append("| ").append(String.join(" | ", row)).append(" |\n"));
        if (!notes.isEmpty()) {
            out.append("\n");
            notes.forEach(note -> out.append("- ").append(note).append("\n"));
        }
        return out.append("\n").toString();
    }

    /** Prints the table and writes {@code target/bench/<file>.md} and {@code .csv}. */
    void publish(String file) {
        String markdown = markdown();
        System.out.println("\n" + markdown);
        var csv = new StringBuilder(String.join(",", columns)).append("\n");
        rows.forEach(row -> csv.append(String.join(",", row.stream().map(ResultTable::csvCell).toList())).append("\n"));
        try {
            Path dir = Files.createDirectories(Path.of("target", "bench"));
            Files.writeString(dir.resolve(file + ".md"), markdown);
            Files.writeString(dir.resolve(file + ".csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(Object value) {
        if (value instanceof Double d) {
            return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, d >= 100 ? "%.0f" : d >= 10 ? "%.1f" : "%.2f", d);
        }
        return String.valueOf(value);
    }

    private static String csvCell(String cell) {
        return cell.contains(",") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
