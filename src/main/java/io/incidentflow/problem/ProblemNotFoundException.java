package io.incidentflow.problem;

class ProblemNotFoundException extends RuntimeException {

    ProblemNotFoundException(String number) {
        super("There is no problem " + number + ".");
    }
}
