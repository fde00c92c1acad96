package io.incidentflow.decision;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/** The Java numbers FEEL compares exactly; empty for anything else (including NaN and infinities). */
final class SimpleNumbers {

    private SimpleNumbers() {
    }

    static Optional<BigDecimal> decimal(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Optional.of(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof BigDecimal decimal) {
            return Optional.of(decimal);
        }
        if (value instanceof BigInteger integer) {
            return Optional.of(new BigDecimal(integer));
        }
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            return Optional.of(BigDecimal.valueOf(((Number) value).doubleValue()));
        }
        return Optional.empty();
    }
}
