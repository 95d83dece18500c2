package dev.tollgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalOptionsTest {

    @Test
    void defaultsWithoutArguments() throws Exception {
        assertEquals(new LocalOptions(Path.of("examples/config.yaml"), "0.0.0.0", 4000, Path.of(".tollgate")),
                LocalOptions.parse());
    }

    @Test
    void readsEveryOptionInBothForms() throws Exception {
        assertEquals(new LocalOptions(Path.of("my.yaml"), "127.0.0.1", 8080, Path.of("/tmp/data")),
                LocalOptions.parse("--config", "my.yaml", "--host=127.0.0.1", "--port", "8080", "--data-dir=/tmp/data"));
    }

    @Test
    void laterOptionWins() throws Exception {
        assertEquals(5000, LocalOptions.parse("--port", "4001", "--port", "5000").port());
    }

    @Test
    void rejectsUnknownOption() {
        var e = assertThrows(LocalOptions.UsageException.class, () -> LocalOptions.parse("--verbose"));
        assertEquals("unknown option: --verbose", e.getMessage());
    }

    @Test
    void rejectsPositionalArgument() {
        var e = assertThrows(LocalOptions.UsageException.class, () -> LocalOptions.parse("config.yaml"));
        assertEquals("unknown option: config.yaml", e.getMessage());
    }

    @Test
    void rejectsOptionWithoutValue() {
        var e = assertThrows(LocalOptions.UsageException.class, () -> LocalOptions.parse("--config"));
        assertEquals("--config needs a value", e.getMessage());
    }

    @Test
    void rejectsPortThatIsNotANumberOrOutOfRange() {
        for (String bad : new String[] {"abc", "-1", "65536", "80.5"}) {
            var e = assertThrows(LocalOptions.UsageException.class, () -> LocalOptions.parse("--port", bad));
            assertEquals("--port: expected a number from 0 to 65535, got \"" + bad + "\"", e.getMessage());
        }
    }

    @Test
    void helpIsNotAnError() {
        var e = assertThrows(LocalOptions.UsageException.class, () -> LocalOptions.parse("--port", "1", "--help"));
        assertTrue(e.helpRequested());
    }

    @Test
    void badCommandLineExitsTwoWithOneErrorLineAndUsage() {
        Output o = new Output();
        assertEquals(2, LocalMain.run(new String[] {"--port", "x"}, Map.of(), o.out, o.err));
        assertTrue(o.err().startsWith("error: --port: expected a number from 0 to 65535, got \"x\"\nusage: "), o.err());
        assertEquals("", o.out());
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        Output o = new Output();
        assertEquals(0, LocalMain.run(new String[] {"--help"}, Map.of(), o.out, o.err));
        assertEquals(LocalOptions.USAGE, o.out());
    }

    @Test
    void missingConfigExitsOneWithOneLine() {
        Output o = new Output();
        assertEquals(1, LocalMain.run(new String[] {"--config", "no/such/config.yaml"}, Map.of(), o.out, o.err));
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().startsWith("error: ") && o.err().contains("no/such/config.yaml"), o.err());
    }

    private static final class Output {
        final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

        String out() {
            return outBytes.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return errBytes.toString(StandardCharsets.UTF_8);
        }
    }
}
