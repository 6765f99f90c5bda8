package dk.mitforlob.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.TestStores;

/** Which bucket an answer goes into: the newest of its round, municipality and programme until it is full. */
class AnswerBucketsTest {

    private static final String PROGRAMME = "resource-programme";

    private TestStores.OwnStore store;
    private MongoAnswers answers;

    @BeforeEach
    void setUp() {
        store = TestStores.ownStore();
        answers = new MongoAnswers(store.store());
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
    }

    private void bucket(String round, String municipality, int n, int size) {
        store.store().collection("survey_answers").insertOne(new Document("_id", round + "|" + municipality + "|"
                + PROGRAMME + "|" + n).append("roundId", round).append("municipality", municipality)
                .append("programme", PROGRAMME).append("n", n).append("size", size));
    }

    @Test
    void the_first_answer_of_a_group_opens_bucket_0() {
        bucket("r1", "851", 4, 10);
        assertThat(answers.bucketFor("r1", "101", PROGRAMME)).isEqualTo("r1|101|" + PROGRAMME + "|0");
        assertThat(answers.bucketFor("r1", "851", "activity-ready-cash-benefit"))
                .isEqualTo("r1|851|activity-ready-cash-benefit|0");
    }

    @Test
    void answers_fill_the_newest_bucket_by_number_not_by_the_order_of_ids() {
        for (int n = 0; n <= 9; n++) {
            bucket("r1", "851", n, MongoAnswers.BUCKET_SIZE);
        }
        bucket("r1", "851", 10, 3);
        // other rounds and municipalities whose ids sort around this group's
        bucket("r1x", "851", 12, 1);
        bucket("r1", "8510", 15, 1);
        assertThat(answers.bucketFor("r1", "851", PROGRAMME)).isEqualTo("r1|851|" + PROGRAMME + "|10");

        store.store().collection("survey_answers").updateOne(new Document("_id", "r1|851|" + PROGRAMME + "|10"),
                new Document("$set", new Document("size", MongoAnswers.BUCKET_SIZE)));
        assertThat(answers.bucketFor("r1", "851", PROGRAMME)).as("the newest is full").isEqualTo("r1|851|" + PROGRAMME
                + "|11");
    }
}
