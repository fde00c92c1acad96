package io.incidentflow.review;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/incidents/{number}/review}: the measured figures and the reviews written so far. */
@RestController
class ReviewController {

    private final ReviewService reviews;

    ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    record ReviewView(ReviewFigures figures, List<Review> reviews) {
    }

    @GetMapping(path = "/api/incidents/{number}/review", produces = MediaType.APPLICATION_JSON_VALUE)
    ReviewView review(@PathVariable String number) {
        return new ReviewView(reviews.measure(number), reviews.reviewsOf(number));
    }
}
