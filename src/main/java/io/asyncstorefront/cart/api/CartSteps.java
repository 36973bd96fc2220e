package io.asyncstorefront.cart.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.execution.CoercedVariables;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.DataFetchingEnvironment;
import io.asyncstorefront.operation.api.InvalidInputException;
import io.asyncstorefront.operation.command.Command;
import io.asyncstorefront.operation.command.IdempotencyClaim;
import io.asyncstorefront.operation.control.IdempotentDirective;
import io.asyncstorefront.operation.dispatch.OperationDispatcher;
import io.smallrye.mutiny.Uni;

/**
 * The commands of the steps of ordered cart groups. A step takes what the matching batch mutation takes for one cart
 * (the same bean validation, the same checks, the same limits) and makes the same command. Before a group records
 * anything, every step of every cart group of the document is checked, so that a document is taken whole or not at
 * all; a problem is reported with the path of its step, such as cart.second: items[0].qty.
 */
@ApplicationScoped
class CartSteps {

    static final String GROUP = "cart";
    static final String ADD_PRODUCTS = "addProducts";
    static final String UPDATE_ITEMS = "updateItems";
    static final String REMOVE_PRODUCTS = "removeProducts";
    static final String ASSIGN_CUSTOMER = "assignCustomer";
    private static final Pattern MASK = Pattern.compile(CartMasks.PATTERN);
    private static final TypeReference<List<CartItemInput>> ITEMS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> SKUS = new TypeReference<>() {
    };

    private final CartInputs inputs;
    private final OperationDispatcher operations;
    private final Validator validator;
    private final ObjectMapper mapper;

    CartSteps(CartInputs inputs, OperationDispatcher operations, Validator validator, ObjectMapper mapper) {
        this.inputs = inputs;
        this.operations = operations;
        this.validator = validator;
        this.mapper = mapper;
    }

    Uni<? extends Command> addProducts(String cartMask, List<CartItemInput> items) {
        AddProductsToCartInput input = new AddProductsToCartInput(cartMask, items);
        return valid(input, "").chain(() -> inStepTerms(inputs.addProducts(List.of(input)))).call(this::withinLimits);
    }

    Uni<? extends Command> updateItems(String cartMask, List<CartItemInput> items) {
        List<UpdateCartItemInput> input = items.stream()
                .map(item -> new UpdateCartItemInput(cartMask, item.sku(), item.qty())).toList();
        Uni<Void> checks = Uni.createFrom().voidItem();
        for (int i = 0; i < input.size(); i++) {
            UpdateCartItemInput entry = input.get(i);
            String path = "items[" + i + "].";
            checks = checks.chain(() -> valid(entry, path));
        }
        return checks.chain(() -> items.isEmpty()
                ? Uni.createFrom().failure(InvalidInputException.of("items", " must have at least one entry"))
                : inStepTerms(inputs.updateItems(input))).call(this::withinLimits);
    }

    Uni<? extends Command> removeProducts(String cartMask, List<String> skus) {
        RemoveProductsFromCartInput input = new RemoveProductsFromCartInput(cartMask, skus);
        return valid(input, "").chain(() -> inStepTerms(inputs.removeProducts(List.of(input))))
                .call(this::withinLimits);
    }

    Uni<? extends Command> assignCustomer(String cartMask, String email) {
        AssignCustomerToCartInput input = new AssignCustomerToCartInput(cartMask, email);
        return valid(input, "").chain(() -> inStepTerms(inputs.assignCustomers(List.of(input))))
                .call(this::withinLimits);
    }

    /** Checks every step of every cart group of the document being run; fails naming the first wrong step. */
    Uni<Void> checkDocument(DataFetchingEnvironment environment) {
        ExecutableNormalizedOperation document = normalized(environment);
        Uni<Void> checks = Uni.createFrom().voidItem();
        for (ExecutableNormalizedField group : document.getTopLevelFields()) {
            if (!group.getName().equals(GROUP)) {
                continue;
            }
            String cartMask = (String) group.getResolvedArguments().get("cartMask");
            if (cartMask == null || !MASK.matcher(cartMask).matches()) {
                return Uni.createFrom().failure(new InvalidInputException(
                        group.getResultKey() + ": cartMask " + CartMasks.MESSAGE));
            }
            for (ExecutableNormalizedField field : group.getChildren()) {
                Optional<CartStep> step = CartStep.ofField(field.getName());
                if (step.isPresent()) {
                    String path = group.getResultKey() + "." + field.getResultKey();
                    checks = checks.chain(() -> commandOf(cartMask, step.get(), field).replaceWithVoid()
                            .onFailure(InvalidInputException.class)
                            .transform(problem -> ((InvalidInputException) problem).within(path + ": ")));
                }
            }
        }
        return checks;
    }

    /**
     * The idempotency key of the group being resolved, with the fingerprint of its cart and steps (names and arguments,
     * in document order), or null when it carries none.
     */
    Uni<CartMutations.GroupKey> idempotencyOf(DataFetchingEnvironment environment) {
        Optional<String> key;
        try {
            key = IdempotentDirective.keyOf(environment);
        } catch (InvalidInputException wrongKey) {
            return Uni.createFrom().failure(wrongKey);
        }
        if (key.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        // The steps' commands, as the steps will submit them: equal input gives equal commands however it was written.
        Uni<StringBuilder> request = Uni.createFrom().item(new StringBuilder(GROUP));
        for (ExecutableNormalizedField group : normalized(environment).getTopLevelFields()) {
            if (!group.getResultKey().equals(environment.getField().getResultKey())) {
                continue;
            }
            String cartMask = (String) group.getResolvedArguments().get("cartMask");
            for (ExecutableNormalizedField field : group.getChildren()) {
                Optional<CartStep> step = CartStep.ofField(field.getName());
                if (step.isPresent()) {
                    request = request.chain(text -> commandOf(cartMask, step.get(), field)
                            .map(command -> text.append('\n').append(operations.fingerprintOf(command))));
                }
            }
        }
        return request.map(text -> new CartMutations.GroupKey(key.get(), IdempotencyClaim.fingerprintOf(text.toString())));
    }

    /** The document being run with fragments expanded and every argument resolved, variables included. */
    private static ExecutableNormalizedOperation normalized(DataFetchingEnvironment environment) {
        return ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(environment.getGraphQLSchema(),
                environment.getOperationDefinition(), environment.getFragmentsByName(),
                CoercedVariables.of(environment.getVariables()));
    }

    /** The checked command of a step of the document. */
    private Uni<? extends Command> commandOf(String cartMask, CartStep step, ExecutableNormalizedField field) {
        Map<String, Object> arguments = field.getResolvedArguments();
        return switch (step) {
            case ADD_PRODUCTS -> addProducts(cartMask, mapper.convertValue(arguments.get("items"), ITEMS));
            case UPDATE_ITEMS -> updateItems(cartMask, mapper.convertValue(arguments.get("items"), ITEMS));
            case REMOVE_PRODUCTS -> removeProducts(cartMask, mapper.convertValue(arguments.get("skus"), SKUS));
            case ASSIGN_CUSTOMER -> assignCustomer(cartMask, (String) arguments.get("email"));
        };
    }

    private Uni<Void> withinLimits(Command command) {
        return operations.checkLimits(command).map(problem -> Uni.createFrom().<Void> failure(stepPath(problem)))
                .orElse(Uni.createFrom().voidItem());
    }

    /** The entry's bean validation, as the batch mutation's arguments get it, its paths within the step. */
    private <T> Uni<Void> valid(T entry, String prefix) {
        List<String> problems = new ArrayList<>();
        for (ConstraintViolation<T> violation : validator.validate(entry)) {
            problems.add(prefix + path(violation.getPropertyPath()) + " " + violation.getMessage());
        }
        if (problems.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        problems.sort(null);
        return Uni.createFrom().failure(new InvalidInputException(String.join("; ", problems)));
    }

    /** items[0].qty, skus[1]: an index belongs to the node after it; container elements show only their index. */
    private static String path(Path path) {
        StringBuilder text = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                text.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                text.append(text.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return text.toString();
    }

    /**
     * A batch mutation's problem said of a step's own arguments: the batch's one entry, input[0], is the step itself,
     * and the entries of updateItems are its items.
     */
    private static InvalidInputException stepPath(InvalidInputException problem) {
        return problem.renamed(path -> path.startsWith("input[0].") ? path.substring("input[0].".length())
                : path.replaceFirst("^input", "items"));
    }

    private static <T> Uni<T> inStepTerms(Uni<T> checked) {
        return checked.onFailure(InvalidInputException.class)
                .transform(problem -> stepPath((InvalidInputException) problem));
    }
}
