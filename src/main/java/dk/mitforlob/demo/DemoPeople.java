package dk.mitforlob.demo;

import dk.mitforlob.citizen.CaseworkerRef;

/** The fictitious people of demo mode. The CPR numbers are made up and belong to no one. */
final class DemoPeople {

    static final String ANNA_SUBJECT = "anna-demo";
    static final String ANNA_CPR = "080790-1234";
    static final String ANNA_NAME = "Anna Andersen";
    static final String ANNA_REF = "AAL-2026-0001";

    static final String BO_SUBJECT = "bo-demo";
    static final String BO_CPR = "150385-4321";
    static final String BO_NAME = "Bo Bertelsen";
    static final String BO_REF = "KBH-2026-0042";

    static final CaseworkerRef CASEWORKER_851 = new CaseworkerRef("caseworker-851-karen", "Karen Kristensen");
    static final CaseworkerRef CASEWORKER_101 = new CaseworkerRef("caseworker-101-peter", "Peter Poulsen");

    private DemoPeople() {
    }
}
