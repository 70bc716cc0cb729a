package io.opsflow.design;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Opens and saves XML the way the /design modeller does: {@code node frontend/roundtrip.mjs}, the same
 * bpmn-moddle and flowable.json descriptor that bpmn-js uses (installed by the Maven build's npm step).
 */
public final class ModellerModdle {

    private ModellerModdle() {}

    public static String openAndSave(String xml) {
        try {
            Process node = new ProcessBuilder("node", "roundtrip.mjs")
                    .directory(Path.of("frontend").toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (OutputStream in = node.getOutputStream()) {
                in.write(xml.getBytes(StandardCharsets.UTF_8));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream stdout = node.getInputStream()) {
                stdout.transferTo(out);
            }
            if (!node.waitFor(60, TimeUnit.SECONDS) || node.exitValue() != 0) {
                throw new AssertionError("frontend/roundtrip.mjs failed");
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot run node frontend/roundtrip.mjs (Node.js 20 is a build prerequisite)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
