package dev.tollgate.config;

import java.math.BigDecimal;

/** A deployment's {@code model_info}. Every field but {@code id} may be null. */
public record ModelInfo(String id, BigDecimal inputCostPerToken, BigDecimal outputCostPerToken,
                        Integer maxInputTokens, Integer maxOutputTokens, String mode) {
}
