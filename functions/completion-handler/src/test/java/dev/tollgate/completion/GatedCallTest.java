package dev.tollgate.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.keys.Caller;
import dev.tollgate.keys.KeyCache;
import dev.tollgate.spend.SpendAccounting;
import dev.tollgate.spend.SpendRecorder;
import dev.tollgate.testing.InMemoryKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatedCallTest {
    private final List<Long> releases = new ArrayList<>();
    private final GatedCall call = new GatedCall(Caller.UNRESTRICTED, releases::add, null, null,
            new SpendAccounting(SpendRecorder.NONE, new KeyCache(new InMemoryKeys(), Duration.ofSeconds(1)),
                    Clock.systemUTC()));

    @Test
    void slotIsReleasedOnceWithTheTokensOfTheFirstFinish() {
        call.finish(null, 5, 2);
        call.finish(null, 50, 20);
        call.close();
        assertEquals(List.of(7L), releases);
    }

    @Test
    void callClosedWithoutFinishReleasesItsSlotOnce() {
        call.close();
        call.close();
        assertEquals(List.of(0L), releases);
    }
}
