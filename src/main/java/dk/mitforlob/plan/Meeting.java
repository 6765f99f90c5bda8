package dk.mitforlob.plan;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import dk.mitforlob.platform.errors.Validation;

/**
 * A meeting with the citizen: when, where (a place or a video link), with whom, why, and how to
 * prepare. A cancelled meeting stays in the plan, marked, so the citizen sees it was called off.
 */
public record Meeting(String id, Instant start, Instant end, String place, String videoLink, String withWhom,
                      String purpose, String preparation, Boolean cancelled) {

    private static final Duration LONGEST = Duration.ofHours(12);

    public Meeting {
        cancelled = Boolean.TRUE.equals(cancelled);
    }

    Meeting withId(String newId) {
        return new Meeting(newId, start, end, place, videoLink, withWhom, purpose, preparation, cancelled);
    }

    void validate(Validation v) {
        v.required("start", start);
        v.instant("start", start).instant("end", end);
        if (v.required("end", end) && start != null) {
            if (!end.isAfter(start)) {
                v.error("end", "must be after start");
            } else if (Duration.between(start, end).compareTo(LONGEST) > 0) {
                v.error("end", "must be at most 12 hours after start");
            }
        }
        v.text("place", place, 300).text("videoLink", videoLink, 500);
        if (place == null && videoLink == null) {
            v.error("place", "a place or a video link is required");
        }
        if (videoLink != null && !isHttps(videoLink)) {
            v.error("videoLink", "must be an https link");
        }
        v.requiredText("withWhom", withWhom, 200).requiredText("purpose", purpose, 1000)
                .text("preparation", preparation, 2000);
    }

    private static boolean isHttps(String link) {
        try {
            URI uri = URI.create(link);
            return "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
