package dk.mitforlob.wishes;

import java.util.List;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dk.mitforlob.platform.http.Etags;
import dk.mitforlob.platform.json.Json;
import dk.mitforlob.platform.security.Access;

/**
 * {@code GET /api/v1/reference/occupations}: the occupations code list with Danish and English
 * labels, for anyone signed in. It hardly ever changes, so its ETag lets the app keep a copy.
 */
public final class OccupationsService implements HttpService {

    /** The code list as sent. */
    record OccupationList(List<Occupation> items) {
    }

    private final byte[] body = Json.write(new OccupationList(Occupations.all()));
    private final String etag = Etags.ofContent(body);

    @Override
    public void routing(HttpRules rules) {
        rules.get("/reference/occupations", this::list);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Access.caller(req);
        if (!Etags.answeredNotModified(req, res, etag)) {
            res.header(HeaderNames.CONTENT_TYPE, "application/json");
            res.send(body);
        }
    }
}
