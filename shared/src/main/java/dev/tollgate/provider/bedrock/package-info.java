/**
 * Amazon Bedrock through the AWS SDK v2. {@link dev.tollgate.provider.bedrock.BedrockProvider} is
 * the only public type: transport (one SDK client pair per deployment, SigV4, no SDK retries). The
 * rest is package-private: pure translators named by direction ({@code BedrockRequests.toConverse},
 * {@code BedrockResponses.toOpenAi}, {@code BedrockStreamTranslator}, {@code BedrockEmbeddings},
 * {@code BedrockErrors}) over the SDK's model classes, and {@code BedrockChunkStream}, which turns
 * the SDK's pushed events into a pull-based stream with a bounded look-ahead.
 *
 * <p>Mapping choices, following LiteLLM where it has one: system and developer messages become
 * {@code system} blocks; tool results a user turn's {@code toolResult} blocks; prompt_tokens counts
 * input plus cache reads plus cache writes, cache reads as {@code cached_tokens}; images must be
 * base64 data URLs (Converse takes bytes, not links); {@code tool_choice: none} leaves the tools out
 * unless the history uses them; {@code response_format} json_schema and json_object become a forced
 * {@code json_tool_call} tool whose input is returned as the text.
 * Per model family, Bedrock itself answers with a 400 where a model lacks a feature (tool use on
 * most Llama 2 / Titan Text models, system prompts on Mistral Instruct and Titan Text); that 400
 * passes through with Bedrock's message.
 */
package dev.tollgate.provider.bedrock;
