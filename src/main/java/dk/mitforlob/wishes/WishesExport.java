package dk.mitforlob.wishes;


import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.privacy.ExportSection;
import dk.mitforlob.privacy.ExportWriter;

/** Interests and wishes in the citizen's export: every version with what it changed, newest first. */
public final class WishesExport implements ExportSection {

    private static final int PAGE = 50;

    private final StatedWishes wishes;

    public WishesExport(StatedWishes wishes) {
        this.wishes = wishes;
    }

    @Override
    public String name() {
        return "wishes";
    }

    @Override
    public void write(Citizen citizen, ExportWriter out) {
        out.list("versions", emit -> ExportWriter.<WishesVersion>eachPage(PAGE, last -> wishes.history(citizen,
                last == null ? Long.MAX_VALUE : last.version(), PAGE), emit));
    }
}
