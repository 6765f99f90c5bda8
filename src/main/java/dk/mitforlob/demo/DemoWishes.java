package dk.mitforlob.demo;

import java.math.BigDecimal;
import java.util.List;

import dk.mitforlob.citizen.Citizen;
import dk.mitforlob.wishes.Interests;
import dk.mitforlob.wishes.StatedWishes;
import dk.mitforlob.wishes.Wish;
import dk.mitforlob.wishes.WishType;
import dk.mitforlob.wishes.Wishes;

/**
 * Interests and wishes for the demo people, stated through the same rules the API uses: Anna in
 * two versions (so there is history and an inbox item saying what changed), Bo in one. Seeded
 * only where nothing is stated yet, so a restart adds no versions.
 */
final class DemoWishes {

    private DemoWishes() {
    }

    static void seed(StatedWishes wishes, Citizen anna, Citizen bo) {
        if (wishes.current(anna).version() == 0) {
            long first = wishes.state(anna, annasWishes(false), 0).current().version();
            wishes.state(anna, annasWishes(true), first);
        }
        if (wishes.current(bo).version() == 0) {
            wishes.state(bo, bosWishes(), 0);
        }
    }

    private static Wishes annasWishes(boolean second) {
        List<Wish> wishes = second
                ? List.of(new Wish(WishType.MORE_PAID_HOURS, "Jeg vil gerne op på 12 timer i praktikken."),
                        new Wish(WishType.EDUCATION_OR_COURSE, "Et kursus i kundeservice eller kassearbejde."),
                        new Wish(WishType.MENTOR, "Gerne den samme mentor som nu."))
                : List.of(new Wish(WishType.MORE_PAID_HOURS, "Jeg vil gerne op på 12 timer i praktikken."),
                        new Wish(WishType.MENTOR, "Gerne den samme mentor som nu."),
                        new Wish(WishType.HELP_WITH_HEALTH, "Hjælp til at sove bedre."));
        return new Wishes(new Interests(List.of("52", "91"), "Butik og lager. Jeg kan godt lide at ordne varer."),
                wishes, new BigDecimal(second ? "12" : "10"),
                "Jeg kan ikke møde før kl. 9, fordi jeg afleverer min søn i børnehave. Jeg har ingen bil.",
                "At have et arbejde, hvor jeg kender mine kolleger, og at min søn kan se, at jeg går på arbejde.");
    }

    private static Wishes bosWishes() {
        return new Wishes(new Interests(List.of("83", "93"), "Warehouse work, driving a forklift."),
                List.of(new Wish(WishType.WORK_PLACEMENT, "At a warehouse, where I can use the forklift."),
                        new Wish(WishType.HELP_WITH_HEALTH, "Physiotherapy for my back."),
                        new Wish(WishType.FEWER_MEETINGS, "Video meetings instead of going to the job centre.")),
                new BigDecimal("20"), "No lifting over 15 kg because of my back. Nothing before 8 in the morning.",
                "Getting my forklift licence and a steady job.");
    }
}
