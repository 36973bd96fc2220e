package io.asyncstorefront.customer;

import static io.asyncstorefront.support.GraphQLClient.STATE_FIELDS;
import static io.asyncstorefront.support.GraphQLClient.createCart;
import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.asyncstorefront.support.GraphQLClient.mutateAndAwait;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.persistence.Columns;
import io.quarkus.test.junit.QuarkusTest;

/** The customer batch mutations; {@link CustomerMutationsSyncTest} runs them in sync mode. */
@QuarkusTest
class CustomerMutationsTest {

    static final String CREATE = """
            mutation Create($input: [CreateCustomerInput!]!) { createCustomers(input: $input) { %s } }
            """.formatted(STATE_FIELDS);
    static final String UPDATE = """
            mutation Update($input: [UpdateCustomerInput!]!) { updateCustomers(input: $input) { %s } }
            """.formatted(STATE_FIELDS);
    static final String DELETE = """
            mutation Delete($input: [DeleteCustomerInput!]!) { deleteCustomers(input: $input) { %s } }
            """.formatted(STATE_FIELDS);
    static final String CUSTOMERS = """
            query Customers($emails: [String!]) { customers(emails: $emails) { email firstname lastname } }
            """;

    private final String domain = "@" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";

    @Test
    void customersAreCreatedUpdatedAndDeletedInBatches() {
        Map<String, Object> created = mutateAndAwait(CREATE, Map.of("input", List.of(
                customer("ada", "Ada", "Lovelace"), customer("alan", "Alan", "Turing"))));
        Map<String, Object> updated = mutateAndAwait(UPDATE, Map.of("input", List.of(
                Map.of("email", "ada" + domain, "lastname", "King"))));
        Map<String, Object> deleted = mutateAndAwait(DELETE, Map.of("input", List.of(Map.of("email", "alan" + domain))));

        assertThat(created).containsEntry("__typename", "CustomersMutationCompleted");
        assertThat(created.get("changedEntities")).isEqualTo(List.of(Map.of("type", "Customer",
                "identifiers", List.of("ada" + domain, "alan" + domain))));
        assertThat(updated.get("customers")).isEqualTo(List.of(customer("ada", "Ada", "King")));
        assertThat(deleted.get("customers")).isEqualTo(List.of(customer("alan", "Alan", "Turing")));
        assertThat(execute(CUSTOMERS, Map.of("emails", List.of("ada" + domain, "alan" + domain))).getList("data.customers"))
                .isEqualTo(List.of(customer("ada", "Ada", "King")));
    }

    @Test
    void theLongestEmailTheInputAcceptsIsStoredAndOrdersItsOperations() {
        String local = UUID.randomUUID().toString().substring(0, 8) + "l".repeat(56);
        String email = local + "@" + "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(58) + ".io";

        Map<String, Object> created = mutateAndAwait(CREATE, Map.of("input", List.of(
                Map.of("email", email, "firstname", "Long", "lastname", "Address"))));

        assertThat(email).hasSize(Columns.EMAIL);
        assertThat(created).containsEntry("__typename", "CustomersMutationCompleted");
    }

    @Test
    void aBatchWithOneWrongEntryAppliesNothingAndReportsEachWrongEntry() {
        mutateAndAwait(CREATE, Map.of("input", List.of(customer("taken", "Taken", "Already"))));

        Map<String, Object> created = mutateAndAwait(CREATE, Map.of("input", List.of(
                customer("new", "New", "Customer"), customer("taken", "Taken", "Again"))));
        Map<String, Object> updated = mutateAndAwait(UPDATE, Map.of("input", List.of(
                Map.of("email", "taken" + domain, "firstname", "Renamed"),
                Map.of("email", "missing" + domain, "firstname", "X"))));

        assertThat(created.get("failures")).isEqualTo(List.of(Map.of("__typename", "ValidationErrorReport",
                "message", "A customer with email taken" + domain + " already exists", "inputIndex", 1, "field", "email")));
        assertThat(updated.get("failures")).isEqualTo(List.of(Map.of("__typename", "LogicalErrorReport",
                "message", "No such entity with email missing" + domain, "inputIndex", 1)));
        assertThat(execute(CUSTOMERS, Map.of("emails", List.of("new" + domain, "taken" + domain))).getList("data.customers"))
                .isEqualTo(List.of(customer("taken", "Taken", "Already")));
    }

    @Test
    void aCustomerAssignedToACartIsNotDeleted() {
        mutateAndAwait(CREATE, Map.of("input", List.of(customer("shopper", "Shop", "Per"))));
        String cartMask = "cart-" + UUID.randomUUID();
        createCart(cartMask);
        mutateAndAwait("""
                mutation A($m: String!, $email: String!) {
                  assignCustomersToCarts(input: [{cartMask: $m, email: $email}]) { identifier __typename }
                }
                """, Map.of("m", cartMask, "email", "shopper" + domain));

        Map<String, Object> deleted = mutateAndAwait(DELETE, Map.of("input", List.of(
                Map.of("email", "shopper" + domain), Map.of("email", "nobody" + domain))));

        assertThat(deleted.get("failures")).isEqualTo(List.of(
                Map.of("__typename", "LogicalErrorReport", "message",
                        "The customer shopper" + domain + " is assigned to a cart",
                        "inputIndex", 0),
                Map.of("__typename", "LogicalErrorReport", "message", "No such entity with email nobody" + domain,
                        "inputIndex", 1)));
    }

    private Map<String, Object> customer(String name, String firstname, String lastname) {
        return Map.of("email", name + domain, "firstname", firstname, "lastname", lastname);
    }
}
