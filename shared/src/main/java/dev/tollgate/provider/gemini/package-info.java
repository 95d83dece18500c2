/**
 * Google's Gemini API ({@code generateContent}, {@code streamGenerateContent?alt=sse},
 * {@code batchEmbedContents}). {@link dev.tollgate.provider.gemini.GeminiProvider} is the transport;
 * the pure translators ({@code GeminiRequests}, {@code GeminiContents}, {@code GeminiResponses},
 * {@code GeminiStreamTranslator}, {@code GeminiErrors}, {@code GeminiEmbeddings}) turn OpenAI shapes into
 * Gemini's and back, and are public where Vertex AI reuses them for Gemini models. Response wire
 * records ({@code GenerateWire}) stay package-private.
 */
package dev.tollgate.provider.gemini;
