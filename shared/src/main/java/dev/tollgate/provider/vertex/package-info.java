/**
 * Google Vertex AI. {@link dev.tollgate.provider.vertex.VertexProvider} resolves each deployment at
 * start-up ({@code vertex_project}, {@code vertex_location}, {@code vertex_credentials}), authenticates
 * with a service account's OAuth token (an RS256 JWT signed with the JDK, traded at the key's
 * {@code token_uri}, cached per account by {@code AccessTokens}), and sends Gemini models through the
 * Gemini translators ({@code publishers/google}) and Claude models through the Anthropic ones
 * ({@code publishers/anthropic}, {@code :rawPredict}). Text embeddings use {@code :predict}.
 */
package dev.tollgate.provider.vertex;
