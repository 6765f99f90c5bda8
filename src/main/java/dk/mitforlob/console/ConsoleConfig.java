package dk.mitforlob.console;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the console's pages need to sign someone in, served as {@code /console/config.json}: where
 * the employees' issuer is, the console's client id there, and which claims of the ID token say
 * who the person is. Nothing in it is secret; it names no one.
 *
 * @param issuer            the issuer's exact {@code iss}; the pages find its endpoints by discovery
 * @param clientId          the console's public client id at the issuer
 * @param scope             the scopes to ask for
 * @param roles             the console roles the issuer may grant
 * @param rolesClaim        where tokens carry roles; absent when the issuer grants its single role to all
 * @param municipalityClaim where tokens carry the caseworker's municipality code(s)
 * @param demo              demo mode: the sign-in page says that the development issuer will ask whom to be
 * @param municipalities    the municipalities' names by code, for the evaluators' tables (the API gives codes)
 */
public record ConsoleConfig(String issuer, String clientId, String scope, List<String> roles,
                            Optional<String> rolesClaim, Optional<String> municipalityClaim, boolean demo,
                            SortedMap<String, String> municipalities) {

    public ConsoleConfig {
        roles = List.copyOf(roles);
        municipalities = Collections.unmodifiableSortedMap(new TreeMap<>(municipalities));
    }
}
