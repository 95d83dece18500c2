package dev.tollgate.dynamolocal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * DynamoDB Local stores its tables with sqlite4java, which loads a native library from the
 * directory in {@code sqlite4java.library.path}. The build puts the libraries (Maven artifacts of
 * type so/dylib/dll) into this module's classes under {@value #RESOURCE_DIR}; unless the property is
 * set already, this copies the one for this platform into a fresh temporary directory and points the
 * property there. Copying works the same whether this module is a classes directory (reactor build),
 * a jar in the local repository (a module's tests) or a jar on bin/local's class path.
 */
final class SqliteNative {
    static final String LIBRARY_PATH = "sqlite4java.library.path";
    static final String RESOURCE_DIR = "dev/tollgate/dynamolocal/native";
    // held so the level sticks: java.util.logging keeps loggers weakly
    private static final Logger SQLITE_LOG = Logger.getLogger("com.almworks.sqlite4java");

    private SqliteNative() {
    }

    /** Sets {@value #LIBRARY_PATH} unless it is set already; fails naming what is missing. */
    static synchronized void configure() throws IOException {
        SQLITE_LOG.setLevel(Level.WARNING);
        if (System.getProperty(LIBRARY_PATH) != null) {
            return;
        }
        String prefix = libraryFilePrefix();
        Path code = codeLocation();
        Optional<Path> extracted = Files.isDirectory(code)
                ? copyOut(code.resolve(RESOURCE_DIR), prefix)
                : extractFromJar(code, prefix);
        Path dir = extracted.orElseThrow(() -> new IllegalStateException("DynamoDB Local needs sqlite4java's "
                + "native library (" + prefix + "*) under " + RESOURCE_DIR + " in " + code + ", or a directory "
                + "holding it given by -D" + LIBRARY_PATH + "; build the dynamo-local module with Maven"));
        System.setProperty(LIBRARY_PATH, dir.toString());
    }

    private static Optional<Path> extractFromJar(Path jar, String prefix) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            return copyOut(zip.getPath(RESOURCE_DIR), prefix);
        }
    }

    /** Copies the library starting with {@code prefix} from {@code dir} into a new temporary directory. */
    private static Optional<Path> copyOut(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Optional<Path> library;
        try (Stream<Path> files = Files.list(dir)) {
            library = files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .min(Comparator.comparing(Path::toString));
        }
        if (library.isEmpty()) {
            return Optional.empty();
        }
        Path target = Files.createTempDirectory("tollgate-sqlite4java");
        Path copy = target.resolve(library.get().getFileName().toString());
        try (InputStream in = Files.newInputStream(library.get())) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        // deleted in reverse order of registration: the file, then its directory
        target.toFile().deleteOnExit();
        copy.toFile().deleteOnExit();
        return Optional.of(target);
    }

    /** This module's classes directory or jar. */
    private static Path codeLocation() {
        try {
            return Path.of(SqliteNative.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where the dynamo-local classes are: " + e, e);
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
