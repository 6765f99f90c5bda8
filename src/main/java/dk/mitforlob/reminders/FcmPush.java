package dk.mitforlob.reminders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.ErrorCode;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.IncomingHttpResponse;
import com.google.firebase.ThreadManager;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.AndroidNotification;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.BatchResponse;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.SendResponse;

import dk.mitforlob.platform.config.PushSettings;
import dk.mitforlob.platform.ids.Ids;

/**
 * Pushes through Firebase Cloud Messaging with the Firebase Admin SDK's {@code sendEach} (one HTTP
 * v1 request per message, up to 500 at a time, in parallel). Credentials are a service account key
 * ({@code GOOGLE_APPLICATION_CREDENTIALS}); the SDK exchanges them for access tokens itself.
 *
 * <p>The SDK retries a 503 itself a few times, honouring {@code retry-after}; whatever still fails
 * comes back here and is classified: retry later, remove the token, or give up.
 */
public final class FcmPush implements PushGateway {

    /** FCM keeps an undeliverable message at most four weeks. */
    private static final Duration LONGEST_TTL = Duration.ofDays(28);
    private static final int SENDING_THREADS = 64;
    private static final Set<MessagingErrorCode> TOKEN_ERRORS = EnumSet.of(MessagingErrorCode.UNREGISTERED,
            MessagingErrorCode.INVALID_ARGUMENT, MessagingErrorCode.SENDER_ID_MISMATCH);
    private static final Set<MessagingErrorCode> RETRY_ERRORS = EnumSet.of(MessagingErrorCode.QUOTA_EXCEEDED,
            MessagingErrorCode.UNAVAILABLE, MessagingErrorCode.INTERNAL);
    private static final Set<ErrorCode> RETRY_PLATFORM_ERRORS = EnumSet.of(ErrorCode.RESOURCE_EXHAUSTED,
            ErrorCode.UNAVAILABLE, ErrorCode.INTERNAL, ErrorCode.DEADLINE_EXCEEDED, ErrorCode.ABORTED, ErrorCode.UNKNOWN);

    private final FirebaseApp app;
    private final FirebaseMessaging messaging;
    private final ExecutorService senders;
    private final Clock clock;

    private FcmPush(FirebaseApp app, ExecutorService senders, Clock clock) {
        this.app = app;
        this.messaging = FirebaseMessaging.getInstance(app);
        this.senders = senders;
        this.clock = clock;
    }

    /** Connects to FCM as the settings say; fails at start-up, not at the first push, when the key is unusable. */
    public static FcmPush start(PushSettings settings, Clock clock) {
        GoogleCredentials credentials;
        try (InputStream key = Files.newInputStream(settings.credentials().orElseThrow())) {
            credentials = GoogleCredentials.fromStream(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the FCM service account key "
                    + settings.credentials().orElseThrow() + " (GOOGLE_APPLICATION_CREDENTIALS)", e);
        }
        ExecutorService senders = Executors.newFixedThreadPool(SENDING_THREADS, daemonThreads());
        FirebaseOptions.Builder options = FirebaseOptions.builder()
                .setCredentials(credentials)
                .setProjectId(settings.projectId().orElseThrow())
                .setThreadManager(new OwnThreads(senders))
                .setConnectTimeout(10_000)
                .setReadTimeout(30_000);
        if (!settings.endpoint().equals(PushSettings.FCM_ENDPOINT)) {
            options.setHttpTransport(redirectedTransport(settings.endpoint()));
        }
        FirebaseApp app = FirebaseApp.initializeApp(options.build(), "mitforlob-push-" + Ids.newId());
        return new FcmPush(app, senders, clock);
    }

    @Override
    public List<PushResult> send(List<PushMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Message> fcm = messages.stream().map(m -> message(m, now)).toList();
        try {
            BatchResponse batch = messaging.sendEach(fcm);
            List<PushResult> results = new ArrayList<>(messages.size());
            for (SendResponse response : batch.getResponses()) {
                results.add(response.isSuccessful() ? new PushResult.Delivered(response.getMessageId())
                        : refused(response.getException(), now));
            }
            return results;
        } catch (FirebaseMessagingException e) {
            PushResult failure = refused(e, now);
            return messages.stream().map(m -> failure).toList();
        }
    }

    // setToken: the app registers FCM registration tokens (the mobile contract); 9.11 prefers installation ids
    @SuppressWarnings("deprecation")
    static Message message(PushMessage push, Instant now) {
        Duration ttl = Duration.between(now, push.expiresAt());
        ttl = ttl.isNegative() ? Duration.ZERO : ttl.compareTo(LONGEST_TTL) > 0 ? LONGEST_TTL : ttl;
        boolean urgent = push.kind().urgent();
        return Message.builder()
                .setToken(push.token())
                .setNotification(com.google.firebase.messaging.Notification.builder()
                        .setTitle(push.text().title()).setBody(push.text().body()).build())
                .putAllData(push.data())
                .setAndroidConfig(AndroidConfig.builder()
                        .setPriority(urgent ? AndroidConfig.Priority.HIGH : AndroidConfig.Priority.NORMAL)
                        .setTtl(ttl.toMillis())
                        .setCollapseKey(push.collapseId())
                        // the same notification pushed twice replaces itself instead of showing twice
                        .setNotification(AndroidNotification.builder().setTag(push.collapseId()).build())
                        .build())
                .setApnsConfig(ApnsConfig.builder()
                        .putHeader("apns-collapse-id", push.collapseId())
                        .putHeader("apns-priority", urgent ? "10" : "5")
                        .putHeader("apns-expiration", Long.toString(now.plus(ttl).getEpochSecond()))
                        .setAps(Aps.builder().setThreadId(push.kind().code()).build())
                        .build())
                .build();
    }

    static PushResult refused(FirebaseMessagingException e, Instant now) {
        MessagingErrorCode code = e.getMessagingErrorCode();
        IncomingHttpResponse http = e.getHttpResponse();
        Integer status = http == null ? null : http.getStatusCode();
        String error = (code != null ? code.name() : e.getErrorCode().name())
                + (status == null ? "" : " (HTTP " + status + ")") + ": " + e.getMessage();
        PushResult.Failure failure;
        if (code != null && TOKEN_ERRORS.contains(code)) {
            failure = PushResult.Failure.TOKEN_INVALID;
        } else if ((code != null && RETRY_ERRORS.contains(code)) || status == null || status == 429 || status >= 500
                || RETRY_PLATFORM_ERRORS.contains(e.getErrorCode())) {
            failure = PushResult.Failure.RETRYABLE;
        } else {
            failure = PushResult.Failure.PERMANENT;
        }
        return new PushResult.Refused(failure, error, http == null ? Optional.empty() : retryAfter(http.getHeaders(), now));
    }

    /** {@code retry-after} as seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(Map<String, Object> headers, Instant now) {
        Object value = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("retry-after"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (value instanceof List<?> list) {
            value = list.isEmpty() ? null : list.getFirst();
        }
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString().strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /**
     * The SDK's requests to {@code https://fcm.googleapis.com} sent to another address instead, over
     * plain HTTP/1.1 (tests run a local FCM; a proxy could sit there).
     */
    private static NetHttpTransport redirectedTransport(URI endpoint) {
        // the JDK keeps only 5 idle connections per host by default; the senders run in parallel
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(SENDING_THREADS));
        }
        String base = endpoint.toString().replaceAll("/+$", "");
        return new NetHttpTransport.Builder().setConnectionFactory(url -> (HttpURLConnection) URI.create(
                url.toString().replace(PushSettings.FCM_ENDPOINT.toString(), base)).toURL().openConnection()).build();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "mitforlob-push-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The SDK's work on our own bounded pool of daemon threads, which never keep the JVM alive. */
    private static final class OwnThreads extends ThreadManager {
        private final ExecutorService executor;

        OwnThreads(ExecutorService executor) {
            this.executor = executor;
        }

        @Override
        protected ExecutorService getExecutor(FirebaseApp app) {
            return executor;
        }

        @Override
        protected void releaseExecutor(FirebaseApp app, ExecutorService executor) {
            executor.shutdown();
        }

        @Override
        protected ThreadFactory getThreadFactory() {
            return daemonThreads();
        }
    }

    @Override
    public void close() {
        app.delete();
        senders.shutdown();
    }
}
