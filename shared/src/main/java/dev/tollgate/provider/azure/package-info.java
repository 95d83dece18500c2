/**
 * Azure OpenAI: OpenAI's wire format (reused through {@code OpenAiWireFormat}) behind Azure's
 * transport: per-deployment URLs with an {@code api-version}, {@code api-key} or Entra ID bearer
 * auth, and content-filter errors mapped to {@code content_policy_violation}.
 */
package dev.tollgate.provider.azure;
