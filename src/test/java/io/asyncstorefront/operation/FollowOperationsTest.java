package io.asyncstorefront.operation;

import static io.asyncstorefront.support.Documents.CREATE_CART;
import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.asyncstorefront.support.GraphQLClient.newCartMask;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.operation.follow.OperationFollowers;
import io.asyncstorefront.operation.processing.OperationProcessor;
import io.asyncstorefront.operation.state.OperationAccepted;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.asyncstorefront.operation.state.PersistOperationCompleted;
import io.asyncstorefront.support.AcceptOnly;
import io.asyncstorefront.support.Database;
import io.asyncstorefront.support.Metrics;
import io.asyncstorefront.support.OnVertx;
import io.asyncstorefront.support.SubscriptionClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Following operations by subscription and by waiting on the mutation's request, on an instance that processes nothing
 * by itself: the test applies operations through the processor while a client follows them.
 */
@QuarkusTest
@TestProfile(FollowOperationsTest.CheckedOften.class)
class FollowOperationsTest {

    /** What a client selects of each state it is pushed. */
    static final String FOLLOW = """
            subscription Follow($ids: [String!]!) {
              operationStates(operationIdentifiers: $ids) {
                __typename
                identifier
                ... on PersistOperationInterface { changedEntities { type identifiers } }
              }
            }
            """;

    /* The operations this instance follows at most: more than one connection's subscriptions take. */
    private static final int FOLLOWED_AT_MOST = 150;

    /* Waits on progress, however slow the machine. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    OperationProcessor processor;
    @Inject
    OperationFollowers followers;
    @Inject
    Vertx vertx;

    @Inject
    Database database;

    @Test
    void aSubscriptionGetsTheCurrentStateThenEachTransitionAsItCommitsAndCompletesOnceAllHaveEnded() throws Exception {
        String cart = newCartMask();
        String created = identifier(execute(CREATE_CART, Map.of("cartMask", cart)).getMap("data.createEmptyCart"));
        String unknown = "0".repeat(40);
        try (SubscriptionClient client = SubscriptionClient.initialised(graphql)) {
            client.subscribe("1", FOLLOW, Map.of("ids", List.of(created, unknown)));
            List<JsonObject> first = List.of(client.next(), client.next());
            process(created);
            List<JsonObject> rest = client.untilEnd("1");

            assertThat(first).extracting(message -> message.getString("type")).containsOnly("next");
            assertThat(first).extracting(FollowOperationsTest::typename)
                    .containsExactlyInAnyOrder("OperationAccepted", "OperationUnknown");
            assertThat(first).extracting(message -> state(message).getString("identifier"))
                    .containsExactlyInAnyOrder(created, unknown);
            assertThat(rest).extracting(message -> message.getString("type")).containsExactly("next", "complete");
            assertThat(typename(rest.get(0))).isEqualTo("PersistOperationCompleted");
            assertThat(state(rest.get(0)).getJsonArray("changedEntities").getJsonObject(0).getJsonArray("identifiers"))
                    .containsExactly(cart);
        }
    }

    @Test
    void aSubscriberThatComesAfterTheEndGetsTheFinalStateOnce() throws Exception {
        String created = identifier(execute(CREATE_CART, Map.of("cartMask", newCartMask())).getMap("data.createEmptyCart"));
        process(created);
        try (SubscriptionClient client = SubscriptionClient.initialised(graphql)) {
            client.subscribe("late", FOLLOW, Map.of("ids", List.of(created, created)));

            List<JsonObject> messages = client.untilEnd("late");

            assertThat(messages).extracting(message -> message.getString("type")).containsExactly("next", "complete");
            assertThat(typename(messages.get(0))).isEqualTo("PersistOperationCompleted");
        }
    }

    @Test
    void manySubscribersOfOneOperationAreEachTold() throws Exception {
        String created = identifier(execute(CREATE_CART, Map.of("cartMask", newCartMask())).getMap("data.createEmptyCart"));
        List<SubscriptionClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                SubscriptionClient client = SubscriptionClient.initialised(graphql);
                clients.add(client);
                client.subscribe("s", FOLLOW, Map.of("ids", List.of(created)));
                assertThat(typename(client.next())).isEqualTo("OperationAccepted");
            }
            process(created);
            for (SubscriptionClient client : clients) {
                assertThat(client.untilEnd("s")).extracting(FollowOperationsTest::typename)
                        .containsExactly("PersistOperationCompleted", null);
            }
        } finally {
            clients.forEach(SubscriptionClient::close);
        }
    }

    @Test
    void aTransitionCommittedWhileTheListeningConnectionIsLostIsReadWhenListeningResumes() throws Exception {
        try (SubscriptionClient client = SubscriptionClient.initialised(graphql)) {
            String created = followedWhileListening(client);

            assertThat(database.cutStateListeners()).isEqualTo(1);
            // Listening resumes after a pause: the commit's notice most likely reaches nobody.
            process(created);

            assertThat(client.untilEnd("1")).extracting(FollowOperationsTest::typename)
                    .containsExactly("PersistOperationCompleted", null);
            assertThat(database.stateListeners()).isEqualTo(1);
        }
    }

    @Test
    void aListeningConnectionThatStopsAnsweringIsReplacedAndWhatCommittedMeanwhileIsRead() throws Exception {
        try (SubscriptionClient client = SubscriptionClient.initialised(graphql)) {
            String created = followedWhileListening(client);

            try (AutoCloseable stalled = database.stallStateListener()) {
                // Its notice goes to the stalled connection, which delivers nothing until its check gives up on it.
                process(created);

                assertThat(client.untilEnd("1")).extracting(FollowOperationsTest::typename)
                        .containsExactly("PersistOperationCompleted", null);
            }
        }
    }

    @Test
    void anIdCompletedByTheClientServesItsNextSubscriptionAlone() throws Exception {
        String first = identifier(execute(CREATE_CART, Map.of("cartMask", newCartMask())).getMap("data.createEmptyCart"));
        String second = identifier(execute(CREATE_CART, Map.of("cartMask", newCartMask())).getMap("data.createEmptyCart"));
        try (SubscriptionClient client = SubscriptionClient.initialised(graphql)) {
            client.subscribe("s", FOLLOW, Map.of("ids", List.of(first)));
            assertThat(typename(client.next())).isEqualTo("OperationAccepted");
            client.send(new JsonObject().put("type", "complete").put("id", "s"));
            client.subscribe("s", FOLLOW, Map.of("ids", List.of(second)));
            assertThat(state(client.next()).getString("identifier")).isEqualTo(second);

            process(first, second);

            List<JsonObject> rest = client.untilEnd("s");
            assertThat(rest).extracting(FollowOperationsTest::typename).containsExactly("PersistOperationCompleted", null);
            assertThat(state(rest.get(0)).getString("identifier")).isEqualTo(second);
        }
    }

    @Test
    void aConnectionRunsAtMostItsSubscriptionsAndAnIdInUseClosesIt() throws Exception {
        String created = identifier(execute(CREATE_CART, Map.of("cartMask", newCartMask())).getMap("data.createEmptyCart"));
        try (SubscriptionClient client = SubscriptionClient.initialised(graphql)) {
            for (int i = 0; i < 100; i++) {
                client.subscribe("s" + i, FOLLOW, Map.of("ids", List.of(created)));
                assertThat(typename(client.next())).isEqualTo("OperationAccepted");
            }
            client.subscribe("one more", FOLLOW, Map.of("ids", List.of(created)));

            JsonObject refused = client.next();

            assertThat(refused.getString("type")).isEqualTo("error");
            JsonObject error = refused.getJsonArray("payload").getJsonObject(0);
            assertThat(error.getJsonObject("extensions").getString("code")).isEqualTo("LIMIT_EXCEEDED");
            assertThat(error.getJsonObject("extensions").getInteger("limit")).isEqualTo(100);

            client.send(new JsonObject().put("type", "complete").put("id", "s0"));
            client.subscribe("s1", FOLLOW, Map.of("ids", List.of(created)));

            assertThat(client.closeCode()).isEqualTo(4409);
        }
    }

    @Test
    void aMutationWhoseOperationDoesNotEndWithinItsWaitIsAnsweredAcceptedAndSaysTheWaitApplied() {
        Response response = given().contentType(ContentType.JSON).header("Prefer", "wait=1")
                .body(Map.of("query", CREATE_CART, "variables", Map.of("cartMask", newCartMask())))
                .post("/graphql");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Preference-Applied")).isEqualTo("wait=1");
        assertThat(response.jsonPath().getString("data.createEmptyCart.__typename")).isEqualTo("OperationAccepted");
    }

    @Test
    void aRequestWithoutAWaitPreferenceSaysNoneApplied() {
        Response response = given().contentType(ContentType.JSON).header("Prefer", "respond-async, wait=soon")
                .body(Map.of("query", CREATE_CART, "variables", Map.of("cartMask", newCartMask())))
                .post("/graphql");

        assertThat(response.header("Preference-Applied")).isNull();
        assertThat(response.jsonPath().getString("data.createEmptyCart.__typename")).isEqualTo("OperationAccepted");
    }

    @Test
    void atItsLimitTheInstanceRefusesASubscriptionAndAnswersAMutationWithoutWaitingOrSayingSo() throws Exception {
        List<String> created = IntStream.range(0, FOLLOWED_AT_MOST).mapToObj(i -> identifier(
                execute(CREATE_CART, Map.of("cartMask", newCartMask())).getMap("data.createEmptyCart"))).toList();
        // Subscriptions of earlier tests are released once their connections close.
        await().atMost(PATIENCE).until(() -> followedOperations() == 0);
        try (SubscriptionClient client = SubscriptionClient.initialised(graphql)) {
            client.subscribe("100", FOLLOW, Map.of("ids", created.subList(0, 100)));
            client.subscribe("rest", FOLLOW, Map.of("ids", created.subList(100, FOLLOWED_AT_MOST)));
            await().atMost(PATIENCE).until(() -> followedOperations() == FOLLOWED_AT_MOST);
            client.subscribe("one more", FOLLOW, Map.of("ids", List.of(created.get(0))));
            List<JsonObject> refusal = client.untilEnd("one more");
            Response waited = given().contentType(ContentType.JSON).header("Prefer", "wait=5")
                    .body(Map.of("query", CREATE_CART, "variables", Map.of("cartMask", newCartMask())))
                    .post("/graphql");

            // An execution's error, as graphql-transport-ws carries it: in the payload of a next, then complete.
            assertThat(refusal).extracting(message -> message.getString("type")).containsExactly("next", "complete");
            assertThat(refusal.get(0).getJsonObject("payload").getJsonArray("errors").getJsonObject(0)
                    .getJsonObject("extensions").getString("code")).isEqualTo("UNAVAILABLE");
            assertThat(waited.statusCode()).isEqualTo(200);
            assertThat(waited.header("Preference-Applied")).isNull();
            assertThat(waited.jsonPath().getString("data.createEmptyCart.__typename")).isEqualTo("OperationAccepted");
        }
    }

    @Test
    void aWaitingRequestGoesOnOnItsOwnContextWhicheverThreadReadTheFinalState() throws Exception {
        String created = identifier(execute(CREATE_CART, Map.of("cartMask", newCartMask())).getMap("data.createEmptyCart"));
        Context request = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        CompletableFuture<Context> answeredOn = new CompletableFuture<>();
        AtomicReference<OperationStateInterface> answer = new AtomicReference<>();
        request.runOnContext(ignored -> followers.finalStateWithin(new OperationAccepted(created), PATIENCE.multipliedBy(2),
                () -> {
                }).subscribe().with(state -> {
                    answer.set(state);
                    answeredOn.complete(Vertx.currentContext());
                }, answeredOn::completeExceptionally));
        await().atMost(PATIENCE).until(() -> database.stateListeners() == 1);

        process(created);

        assertThat(answeredOn.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isSameAs(request);
        assertThat(answer.get()).isInstanceOf(PersistOperationCompleted.class);
    }

    /** How many operations the instance follows, as its metric says. */
    private static long followedOperations() {
        return Metrics.value("operations_followed").orElseThrow().longValue();
    }

    /** A new operation that the client follows as subscription "1", once this instance listens for state changes. */
    private String followedWhileListening(SubscriptionClient client) throws InterruptedException {
        String created = identifier(execute(CREATE_CART, Map.of("cartMask", newCartMask())).getMap("data.createEmptyCart"));
        client.subscribe("1", FOLLOW, Map.of("ids", List.of(created)));
        assertThat(typename(client.next())).isEqualTo("OperationAccepted");
        await().atMost(PATIENCE).until(() -> database.stateListeners() == 1);
        return created;
    }

    private void process(String... identifiers) {
        OnVertx.await(() -> processor.process(List.of(identifiers)));
    }

    private static JsonObject state(JsonObject message) {
        return message.getJsonObject("payload").getJsonObject("data").getJsonObject("operationStates");
    }

    private static String typename(JsonObject message) {
        return "next".equals(message.getString("type")) ? state(message).getString("__typename") : null;
    }

    private static String identifier(Map<String, Object> state) {
        return (String) state.get("identifier");
    }

    /** Checks its listening connection every two seconds, so that a stalled one is replaced within the test. */
    public static class CheckedOften extends AcceptOnly {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("operations.follow.listen-check", "2s");
            overrides.put("operations.follow.max-operations", String.valueOf(FOLLOWED_AT_MOST));
            return overrides;
        }
    }
}
