/**
 * Ollama's native API ({@code /api/chat}, {@code /api/embed}) for {@code ollama/} and
 * {@code ollama_chat/}. {@link dev.tollgate.provider.ollama.OllamaProvider} is the only public type;
 * the translators are pure and package-private: {@code OllamaRequests.toOllama} (sampling parameters
 * into {@code options}, {@code response_format} into {@code format}), {@code OllamaMessages},
 * {@code OllamaResponses.toOpenAi}, {@code OllamaStreamTranslator} (NDJSON lines, read by
 * {@link dev.tollgate.provider.NdjsonChunkStream}), {@code OllamaErrors} and {@code OllamaEmbeddings},
 * over the records in {@code OllamaWire}.
 *
 * <p>Mapping choices: ids are {@code chatcmpl-<request id>}; tool calls keep Ollama's ids when it
 * sends them, else {@code call_<request id>_<n>}; {@code done_reason} stop and length map to
 * themselves, any turn with tool calls ends in {@code tool_calls}; {@code thinking} becomes
 * {@code reasoning_content}; usage is {@code prompt_eval_count} / {@code eval_count};
 * {@code tool_choice: none} drops the tools, other tool choices are not sent (Ollama has none).
 */
package dev.tollgate.provider.ollama;
