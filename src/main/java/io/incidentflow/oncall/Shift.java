package io.incidentflow.oncall;

import java.time.Instant;
import java.util.List;

/**
 * A stretch of time during which the same people are on call for the same reason. {@code layer} is the index of
 * the rotation whose turn it is, null when only an override covers the time; {@code overridden} tells that an
 * override changed who it is. A null {@code start} or {@code end} lies beyond {@link RotationMath#HORIZON}.
 */
record Shift(Instant start, Instant end, List<String> contacts, Integer layer, boolean overridden) {
}
