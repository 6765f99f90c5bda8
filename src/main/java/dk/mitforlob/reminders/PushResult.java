package dk.mitforlob.reminders;

import java.time.Duration;
import java.util.Optional;

/** What the push service answered to one message. */
public sealed interface PushResult {

    /** Accepted, under this message id. */
    record Delivered(String messageId) implements PushResult {
    }

    /** Refused; {@code error} is the push service's error code and message, for the delivery log. */
    record Refused(Failure failure, String error, Optional<Duration> retryAfter) implements PushResult {
    }

    enum Failure {
        /** Try again later: quota (429), the service unavailable or failing (5xx), the network. */
        RETRYABLE,
        /** The token is no longer valid (UNREGISTERED, INVALID_ARGUMENT, SENDER_ID_MISMATCH): remove it. */
        TOKEN_INVALID,
        /** Anything else; trying again will not help. */
        PERMANENT
    }
}
