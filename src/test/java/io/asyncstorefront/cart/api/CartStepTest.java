package io.asyncstorefront.cart.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;
import org.junit.jupiter.api.Test;

/** The cart step mapping alone: every step field of a cart group is a CartStep, and every CartStep a field. */
class CartStepTest {

    @Test
    void everyStepFieldOfACartGroupMapsToACommand() {
        Set<String> fields = Arrays.stream(CartGroupGraphQLApi.class.getDeclaredMethods())
                .filter(CartStepTest::isStepField)
                .map(method -> method.getAnnotation(Name.class).value())
                .collect(Collectors.toSet());

        assertEquals(fields, Arrays.stream(CartStep.values()).map(CartStep::field).collect(Collectors.toSet()));
        fields.forEach(field -> assertEquals(field, CartStep.ofField(field).orElseThrow().field()));
    }

    @Test
    void otherFieldsAreNoSteps() {
        assertEquals(Optional.empty(), CartStep.ofField("__typename"));
    }

    private static boolean isStepField(Method method) {
        return method.isAnnotationPresent(Name.class) && method.getParameterCount() > 0
                && method.getParameters()[0].isAnnotationPresent(Source.class)
                && method.getParameterTypes()[0] == CartMutations.class;
    }
}
