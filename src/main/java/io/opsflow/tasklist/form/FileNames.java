package io.opsflow.tasklist.form;

/** Makes a browser-supplied file name safe to store and to put in a header: no path, no control characters. */
public final class FileNames {

    private FileNames() {}

    public static String safe(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            return "file";
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
