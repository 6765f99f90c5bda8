package dk.mitforlob.plan;

import dk.mitforlob.citizen.Citizen;

/**
 * Hears of every plan version published, for features that act on them (reminders). It is told
 * before a version is stored as well as after, so it can make sure that nothing is lost when the
 * process dies between the two.
 */
public interface PublicationListener {

    PublicationListener NONE = new PublicationListener() {
        @Override
        public void publishing(Citizen citizen, long version) {
        }

        @Override
        public void published(Citizen citizen, PlanVersion version) {
        }
    };

    /** Version {@code version} of the citizen's plan is about to be stored; it may still fail. */
    void publishing(Citizen citizen, long version);

    /** Version {@code version} has been stored. A failure here does not undo the publication. */
    void published(Citizen citizen, PlanVersion version);
}
