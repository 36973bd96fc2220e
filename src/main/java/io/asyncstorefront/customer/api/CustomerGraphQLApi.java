package io.asyncstorefront.customer.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.asyncstorefront.customer.command.CreateCustomers;
import io.asyncstorefront.customer.command.DeleteCustomers;
import io.asyncstorefront.customer.command.UpdateCustomers;
import io.asyncstorefront.customer.repository.CustomerQueries;
import io.asyncstorefront.customer.view.CustomerConnection;
import io.asyncstorefront.customer.view.CustomerConnectionNode;
import io.asyncstorefront.error.ClientException;
import io.asyncstorefront.graphql.Pages;
import io.asyncstorefront.operation.api.InputChecks;
import io.asyncstorefront.operation.api.InvalidInputException;
import io.asyncstorefront.operation.dispatch.OperationDispatcher;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.smallrye.graphql.api.Nullable;
import io.smallrye.mutiny.Uni;

@GraphQLApi
public class CustomerGraphQLApi {

    static final int MAX_CUSTOMERS = 100;

    private final CustomerQueries queries;
    private final OperationDispatcher operations;

    public CustomerGraphQLApi(CustomerQueries queries, OperationDispatcher operations) {
        this.queries = queries;
        this.operations = operations;
    }

    @Query("customers")
    @Description("Customers by email, ordered by email. At most 100 emails; customerPage reads all customers.")
    public Uni<@NonNull List<@NonNull CustomerConnectionNode>> customers(
            @Name("emails") @Description("The emails of the customers: at most " + MAX_CUSTOMERS
                    + ".") @Nullable @Size(max = MAX_CUSTOMERS) List<@NonNull String> emails) {
        return emails == null ? Uni.createFrom().failure(new InvalidInputException(
                "customers looks up customers by emails; customerPage(first, after) reads all customers"))
                : queries.byEmails(emails);
    }

    @Query("customerPage")
    @Description("All customers in email order, a page at a time: first (1 to 100) customers after the cursor after, "
            + "the endCursor of the previous page.")
    public Uni<@NonNull CustomerConnection> customerPage(
            @Name("first") @Description("How many to answer: 1 to " + Pages.MAX_FIRST + ".") @DefaultValue("20") int first,
            @Name("after") @Description("The endCursor of the page before; absent for the first page.") @Nullable String after)
            throws ClientException {
        return Pages.read(first, after, queries::after, CustomerConnectionNode::email, CustomerConnection::new);
    }

    @Mutation("createCustomers")
    @Description("Creates customers, each email once. Completes with CustomersMutationCompleted.")
    public Uni<@NonNull OperationStateInterface> createCustomers(
            @Name("input") @Description(InputChecks.BATCH_INPUT) @NonNull List<@NonNull @Valid CreateCustomerInput> input) {
        return InputChecks.distinct(input, CreateCustomerInput::email, "input", "email")
                .chain(() -> operations.submit(new CreateCustomers(input.stream()
                        .map(entry -> new CreateCustomers.Entry(entry.email(), entry.firstname(), entry.lastname()))
                        .toList())));
    }

    @Mutation("updateCustomers")
    @Description("Changes the names of customers, each email once. Completes with CustomersMutationCompleted.")
    public Uni<@NonNull OperationStateInterface> updateCustomers(
            @Name("input") @Description(InputChecks.BATCH_INPUT) @NonNull List<@NonNull @Valid UpdateCustomerInput> input) {
        for (int i = 0; i < input.size(); i++) {
            if (input.get(i).firstname() == null && input.get(i).lastname() == null) {
                return Uni.createFrom()
                        .failure(InvalidInputException.of("input[" + i + "]", ": firstname or lastname is needed"));
            }
        }
        return InputChecks.distinct(input, UpdateCustomerInput::email, "input", "email")
                .chain(() -> operations.submit(new UpdateCustomers(input.stream()
                        .map(entry -> new UpdateCustomers.Entry(entry.email(), entry.firstname(), entry.lastname()))
                        .toList())));
    }

    @Mutation("deleteCustomers")
    @Description("Deletes customers that no cart is assigned to, each email once. Completes with CustomersMutationCompleted.")
    public Uni<@NonNull OperationStateInterface> deleteCustomers(
            @Name("input") @Description(InputChecks.BATCH_INPUT) @NonNull List<@NonNull @Valid DeleteCustomerInput> input) {
        return InputChecks.distinct(input, DeleteCustomerInput::email, "input", "email")
                .chain(() -> operations.submit(new DeleteCustomers(input.stream().map(DeleteCustomerInput::email).toList())));
    }
}
