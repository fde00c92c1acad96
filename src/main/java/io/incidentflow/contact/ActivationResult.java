package io.incidentflow.contact;

/**
 * What became of a guess at an activation code. Not an exception: a wrong guess must still be counted, so the
 * transaction that counted it has to commit.
 */
record ActivationResult(Outcome outcome, int attemptsLeft, ContactChannel channel) {

    enum Outcome {
        ACTIVATED,
        /** {@link #attemptsLeft} more guesses at this code; at 0 the code is void. */
        WRONG_CODE,
        EXPIRED,
        /** No code pending: none sent, already used, or void after too many wrong guesses. */
        NO_CODE,
        ALREADY_ACTIVATED
    }
}
