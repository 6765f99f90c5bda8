package dk.mitforlob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dk.mitforlob.testing.ContractCoverage;
import dk.mitforlob.testing.OpenApiContract;

/**
 * Runs after every other test class: each operation of the contract must have been called by some
 * test and answered successfully at least once, so the contract cannot describe routes nobody tried.
 */
@Order(Integer.MAX_VALUE)
class ContractCoverageTest {

    @Test
    void every_operation_in_the_contract_was_exercised_successfully() {
        String selected = System.getProperty("mitforlob.selectedTests", "");
        Assumptions.assumeTrue(selected.isBlank() || selected.startsWith("${"),
                "only part of the suite was selected (-Dtest), so coverage is not judged");
        Map<String, Set<Integer>> seen = ContractCoverage.seen();

        List<String> missing = OpenApiContract.get().operations().stream()
                .map(op -> op.method() + " " + op.template())
                .filter(key -> seen.getOrDefault(key, Set.of()).stream().noneMatch(status -> status < 400))
                .toList();

        assertThat(missing).as("operations no test called successfully").isEmpty();
    }
}
