package dk.mitforlob.wishes;

import java.util.List;

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
        out.list("versions", emit -> {
            long before = Long.MAX_VALUE;
            while (true) {
                List<WishesVersion> page = wishes.history(citizen, before, PAGE);
                page.forEach(emit);
                if (page.size() < PAGE) {
                    return;
                }
                before = page.getLast().version();
            }
        });
    }
}
