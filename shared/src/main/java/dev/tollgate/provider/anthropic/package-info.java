/**
 * Anthropic's Messages API. {@link dev.tollgate.provider.anthropic.AnthropicProvider} is the
 * transport (URL, {@code x-api-key}, {@code anthropic-version}); {@link
 * dev.tollgate.provider.anthropic.AnthropicOnVertex} lends the translators to Claude on Vertex AI. The
 * rest is package-private: pure translators named by direction ({@code AnthropicRequests.toAnthropic},
 * {@code AnthropicResponses.toOpenAi}, {@code AnthropicStreamTranslator}, {@code AnthropicErrors})
 * over the wire records in {@code MessagesWire}.
 *
 * <p>Mapping choices, following LiteLLM where it has one: prompt_tokens counts uncached input plus
 * cache reads plus cache writes, with cache reads as {@code cached_tokens}; ids are Anthropic's
 * message ids, the same on every chunk of a stream; {@code response_format} json_schema and
 * json_object become a forced {@code json_tool_call} tool whose input is returned as the text.
 */
package dev.tollgate.provider.anthropic;
