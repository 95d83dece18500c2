package dev.tollgate.local;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * DynamoDB Local stores its tables with sqlite4java, which loads a native library from the
 * directory in {@code sqlite4java.library.path}. The build copies the library (a Maven artifact of
 * type so/dylib/dll) into {@code target/native/}, beside this module's classes or jar; unless the
 * property is set already, point it there.
 */
final class SqliteNative {
    static final String LIBRARY_PATH = "sqlite4java.library.path";
    // held so the level sticks: java.util.logging keeps loggers weakly
    private static final Logger SQLITE_LOG = Logger.getLogger("com.almworks.sqlite4java");

    private SqliteNative() {
    }

    /** Sets {@value #LIBRARY_PATH} unless it is set already; fails naming what is missing. */
    static synchronized void configure() {
        SQLITE_LOG.setLevel(Level.WARNING);
        if (System.getProperty(LIBRARY_PATH) != null) {
            return;
        }
        Path dir = besideCode().resolve("native");
        String prefix = libraryFilePrefix();
        if (!containsLibrary(dir, prefix)) {
            throw new IllegalStateException("DynamoDB Local needs sqlite4java's native library (" + prefix
                    + "*) in " + dir + " or in the directory given by -D" + LIBRARY_PATH
                    + "; build the local module with Maven to put it there");
        }
        System.setProperty(LIBRARY_PATH, dir.toString());
    }

    /** The directory holding this module's classes directory or jar ({@code local/target}). */
    private static Path besideCode() {
        try {
            Path code = Path.of(SqliteNative.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.toAbsolutePath().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    private static boolean containsLibrary(Path dir, String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(prefix));
        } catch (IOException e) {
            return false;
        }
    }

    /** sqlite4java's name for this platform's library, as published on Maven Central. */
    static String libraryFilePrefix() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        if (os.contains("mac") || os.contains("darwin")) {
            return "libsqlite4java-osx";
        }
        if (os.contains("win")) {
            return x64 ? "sqlite4java-win32-x64" : "sqlite4java-win32-x86";
        }
        boolean x86 = arch.equals("x86") || arch.matches("i[3-6]86");
        return "libsqlite4java-linux-" + (x64 ? "amd64" : x86 ? "i386" : arch);
    }
}
