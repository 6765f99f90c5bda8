package dk.mitforlob.wishes;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.citizen.Citizens;
import dk.mitforlob.platform.http.Etags;
import dk.mitforlob.platform.http.Exchange;
import dk.mitforlob.platform.paging.Page;
import dk.mitforlob.platform.paging.PageCursor;
import dk.mitforlob.platform.security.Access;
import dk.mitforlob.platform.security.Role;

/**
 * {@code /api/v1/me/wishes}: the citizen's interests and wishes, read with their version as ETag
 * and replaced whole with {@code If-Match}; {@code /history} lists every version.
 */
public final class MyWishesService implements HttpService {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    private static final String HISTORY_CURSOR = "wishes-history";

    private final Citizens citizens;
    private final StatedWishes wishes;

    public MyWishesService(Citizens citizens, StatedWishes wishes) {
        this.citizens = citizens;
        this.wishes = wishes;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/me/wishes", this::read)
                .put("/me/wishes", this::state)
                .get("/me/wishes/history", this::history);
    }

    private Citizen citizen(ServerRequest req) {
        return citizens.signedIn(Access.require(req, Role.CITIZEN));
    }

    private void read(ServerRequest req, ServerResponse res) {
        WishesVersion current = wishes.current(citizen(req));
        if (!Etags.answeredNotModified(req, res, Etags.of(current.version()))) {
            Exchange.ok(res, WishesView.of(current));
        }
    }

    private void state(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        long expected = Etags.requiredIfMatch(req, () -> wishes.current(citizen).version());
        Wishes input = Exchange.readJson(req, Wishes.class);
        StatedWishes.Stated stated = wishes.state(citizen, input, expected);
        res.header(HeaderNames.ETAG, Etags.of(stated.current().version()));
        Exchange.ok(res, WishesView.of(stated.current()));
    }

    private void history(ServerRequest req, ServerResponse res) {
        Citizen citizen = citizen(req);
        OptionalInt limit = Exchange.queryInt(req, "limit", 1, MAX_LIMIT);
        Optional<Long> before = Exchange.query(req, "cursor")
                .map(cursor -> version(PageCursor.decode(cursor, HISTORY_CURSOR, 1).value(0)));
        List<WishesVersion> versions = wishes.history(citizen, before.orElse(Long.MAX_VALUE),
                limit.orElse(DEFAULT_LIMIT) + 1);
        Page<WishesVersion> page = Page.fromFetched(versions, limit.orElse(DEFAULT_LIMIT),
                v -> PageCursor.of(HISTORY_CURSOR, Long.toString(v.version())));
        Exchange.ok(res, page.map(v -> WishesView.HistoryEntry.of(v, citizen.language())));
    }

    private static long version(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Exchange.invalidQuery("cursor", "was not issued for this list");
        }
    }
}
