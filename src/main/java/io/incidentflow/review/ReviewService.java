package io.incidentflow.review;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.incidentflow.incident.Incident;
import io.incidentflow.incident.IncidentNotFoundException;
import io.incidentflow.incident.IncidentService;
import io.incidentflow.problem.NewProblem;
import io.incidentflow.problem.ProblemService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Post-incident reviews: the measured figures, the review record and the problems its follow-ups open. */
@Service
public class ReviewService {

    public static final String PROCESS_KEY = "post-incident-review";
    private static final int MAX_PROBLEM_TITLE = 200;

    private final ReviewRepository repository;
    private final IncidentService incidents;
    private final ProblemService problems;
    private final Clock clock;

    @Autowired
    ReviewService(ReviewRepository repository, IncidentService incidents, ProblemService problems) {
        this(repository, incidents, problems, Clock.systemUTC());
    }

    ReviewService(ReviewRepository repository, IncidentService incidents, ProblemService problems, Clock clock) {
        this.repository = repository;
        this.incidents = incidents;
        this.problems = problems;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ReviewFigures measure(String incidentNumber) {
        return measure(incident(incidentNumber));
    }

    ReviewFigures measure(Incident incident) {
        return ReviewFigures.of(incident, repository.evidence(incident.id(), incident.number()));
    }

    @Transactional(readOnly = true)
    public List<Review> reviewsOf(String incidentNumber) {
        return repository.ofIncident(incident(incidentNumber).id());
    }

    /** A review process started for the incident: its record, OPEN until the review task is completed. */
    @Transactional
    public long open(long incidentId, String processInstanceId) {
        return repository.insert(incidentId, processInstanceId, now());
    }

    /**
     * Stores the answers and opens one problem record per follow-up action, linked to the incident. Answers the
     * numbers of the problems opened. A malformed action line fails the whole completion, naming the line.
     */
    @Transactional
    public List<String> complete(long reviewId, String incidentNumber, ReviewAnswers answers, String reviewer) {
        List<FollowUpActions.Action> actions = FollowUpActions.parse(answers.followUpActions());
        if (repository.complete(reviewId, answers, reviewer, now()) == 0) {
            throw new IllegalStateException("Review " + reviewId + " is not open");
        }
        return actions.stream()
                .map(action -> problems.create(new NewProblem(title(action.action()),
                        "事後レビューのフォローアップ / Follow-up of the post-incident review of " + incidentNumber
                                + ":\n" + action.action(),
                        action.owner(), incidentNumber, reviewId), reviewer).number())
                .toList();
    }

    private static String title(String action) {
        return action.length() <= MAX_PROBLEM_TITLE ? action : action.substring(0, MAX_PROBLEM_TITLE - 1) + "…";
    }

    private Incident incident(String number) {
        return incidents.findByNumber(number).orElseThrow(() -> new IncidentNotFoundException(number));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
