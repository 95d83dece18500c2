package dev.tollgate.provider.bedrock;

import dev.tollgate.error.ErrorKind;
import dev.tollgate.error.GatewayException;
import dev.tollgate.openai.ChatCompletionChunk;
import dev.tollgate.provider.ChunkStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;

/**
 * A ConverseStream as a pull-based {@link ChunkStream}. The SDK pushes events from its I/O threads;
 * this subscriber asks for at most {@link #WINDOW} events ahead of the reader (one more each time
 * the reader takes one), so the queue stays bounded and a slow caller slows the upstream. The
 * first event must come within the stream timeout, each later one within the call timeout.
 */
final class BedrockChunkStream implements ChunkStream, Subscriber<ConverseStreamOutput> {
    static final int WINDOW = 32;

    private sealed interface Item permits Event, Failed, Done {
    }

    private record Event(ConverseStreamOutput event) implements Item {
    }

    private record Failed(Throwable error) implements Item {
    }

    private record Done() implements Item {
    }

    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final ArrayDeque<ChatCompletionChunk> pending = new ArrayDeque<>();
    private final BedrockStreamTranslator translator;
    private final Duration firstTimeout;
    private final Duration nextTimeout;
    private volatile Subscription subscription;
    private volatile CompletableFuture<Void> call;
    private boolean started;
    private volatile boolean ended;

    BedrockChunkStream(BedrockStreamTranslator translator, Duration firstTimeout, Duration nextTimeout) {
        this.translator = translator;
        this.firstTimeout = firstTimeout;
        this.nextTimeout = nextTimeout;
    }

    /** The SDK call's future, cancelled by {@link #close()}; its failure ends the stream. */
    void attach(CompletableFuture<Void> future) {
        this.call = future;
        future.whenComplete((ok, error) -> {
            if (error != null) {
                failed(error);
            }
        });
    }

    /** An error the SDK reported outside the event publisher (before or after it). */
    void failed(Throwable error) {
        queue.add(new Failed(error));
    }

    @Override
    public ChatCompletionChunk next() {
        while (pending.isEmpty()) {
            if (ended) {
                return null;
            }
            Item item = take(started ? nextTimeout : firstTimeout);
            started = true;
            switch (item) {
                case Event e -> {
                    pending.addAll(translator.onEvent(e.event()));
                    subscription.request(1);
                }
                case Done d -> {
                    ended = true;
                    if (!translator.stopped()) {
                        throw new GatewayException(ErrorKind.UPSTREAM_ERROR,
                                BedrockErrors.NAME + " ended the stream before its messageStop event.");
                    }
                }
                case Failed f -> {
                    ended = true;
                    close();
                    throw BedrockErrors.from(f.error());
                }
            }
        }
        return pending.poll();
    }

    private Item take(Duration timeout) {
        try {
            Item item = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (item == null) {
                ended = true;
                close();
                throw BedrockErrors.timeout(null);
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new GatewayException(ErrorKind.CONNECTION, "Call to " + BedrockErrors.NAME + " was interrupted.");
        }
    }

    @Override
    public void onSubscribe(Subscription s) {
        this.subscription = s;
        s.request(WINDOW);
    }

    @Override
    public void onNext(ConverseStreamOutput event) {
        queue.add(new Event(event));
    }

    @Override
    public void onError(Throwable t) {
        failed(t);
    }

    @Override
    public void onComplete() {
        queue.add(new Done());
    }

    @Override
    public void close() {
        ended = true;
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        CompletableFuture<Void> f = call;
        if (f != null) {
            f.cancel(true);
        }
    }
}
