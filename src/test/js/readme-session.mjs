// The README's session through Apollo Client 4 with a normalized cache configured as the README's Clients section
// says. Every answer is written to the cache and read back: a state or snapshot that the cache drops, merges with
// another or keeps twice fails the run. Usage: node readme-session.mjs http://localhost:8081/graphql
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { getIntrospectionQuery } from "graphql";
import { map } from "rxjs";
import assert from "node:assert/strict";

const url = process.argv[2];
const warnings = [];
for (const level of ["warn", "error"]) {
  const original = console[level];
  console[level] = (...args) => { warnings.push(args.map(String).join(" ")); original(...args); };
}

// possibleTypes as graphql-codegen's fragment-matcher plugin would generate them, from introspection.
const introspection = await (await fetch(url, {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ query: getIntrospectionQuery() }),
})).json();
const possibleTypes = {};
for (const type of introspection.data.__schema.types) {
  if (type.possibleTypes) possibleTypes[type.name] = type.possibleTypes.map((possible) => possible.name);
}

// What the service sent, answer by answer, to compare with what the cache gives back.
const sent = [];
const recorder = new ApolloLink((operation, forward) => forward(operation).pipe(map((result) => {
  sent.push(structuredClone(result.data));
  return result;
})));
const client = new ApolloClient({
  link: ApolloLink.from([recorder, new HttpLink({ uri: url })]),
  cache: new InMemoryCache({
    possibleTypes,
    typePolicies: { OperationStateInterface: { keyFields: (state) => state.id } },
  }),
});

const STATE = `
  id identifier __typename
  ... on PersistOperationInterface { changedEntities { type identifiers } }
  ... on CartSaveOperationCompleted { cart { cartMask increment_id items { sku qty } customerEmail } }
  ... on OperationFailed { failures { __typename message } }
`;
const QUEUE = gql`query Queue($ids: [String!]!) { queue(operationIdentifiers: $ids) { ${STATE} } }`;
const FINAL = (state) => !["OperationAccepted", "OperationInProgress"].includes(state.__typename);

/** Runs a query or mutation and checks that the cache reads back exactly what the service sent. */
async function roundTrip(run, read) {
  const before = sent.length;
  const { data } = await run();
  assert.equal(sent.length, before + 1, "one answer from the service");
  assert.deepEqual(data, sent[before], "the answer as the cache gives it back");
  if (read) assert.deepEqual(client.readQuery(read), sent[before], "the answer read from the cache");
  return data;
}

async function mutate(document, variables) {
  const data = await roundTrip(() => client.mutate({ mutation: gql(document), variables }));
  return Object.values(data)[0];
}

async function follow(ids) {
  for (let attempt = 0; ; attempt++) {
    const variables = { ids };
    const data = await roundTrip(() => client.query({ query: QUEUE, variables, fetchPolicy: "network-only" }),
      { query: QUEUE, variables });
    if (data.queue.every(FINAL)) return data.queue;
    assert.ok(attempt < 6000, "operations that do not finish");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const cart = `readme-${Date.now()}-${Math.random().toString(16).slice(2)}`;
const created = await mutate(`mutation C($m: String!) { createEmptyCart(cartMask: $m) { ${STATE} } }`, { m: cart });
const added = await mutate(`mutation A($m: String!) { addProductsToCarts(input: [{ cartMask: $m, items: [
    { sku: "simple-product-1", qty: 1 }, { sku: "simple-product-2", qty: 2 }] }]) { ${STATE} } }`, { m: cart });
const assigned = await mutate(`mutation S($m: String!) {
    assignCustomersToCarts(input: [{ cartMask: $m, email: "example@example.com" }]) { ${STATE} } }`, { m: cart });
const removed = await mutate(`mutation R($m: String!) {
    removeProductsFromCarts(input: [{ cartMask: $m, skus: ["simple-product-1"] }]) { ${STATE} } }`, { m: cart });

const states = await follow([created, added, assigned, removed].map((state) => state.identifier));
assert.deepEqual(states.map((state) => state.__typename),
  ["PersistOperationCompleted", "CartSaveOperationCompleted", "OperationFailed", "CartSaveOperationCompleted"]);
assert.deepEqual(states[0].changedEntities, [{ __typename: "ChangedEntity", type: "Cart", identifiers: [cart] }]);
// Each operation's snapshot of the one cart, as that operation left it: the cache keeps them apart.
assert.deepEqual(states[1].cart.items.map((item) => [item.sku, item.qty]),
  [["simple-product-1", 1], ["simple-product-2", 2]]);
assert.deepEqual(states[3].cart.items.map((item) => [item.sku, item.qty]), [["simple-product-2", 2]]);
assert.equal(states[2].failures[0].message, "No such entity with email example@example.com");

// One cache entry per operation, whichever states it went through, under its global id.
const entries = Object.values(client.cache.extract()).filter((entry) => entry.identifier);
for (const state of states) {
  const own = entries.filter((entry) => entry.identifier === state.identifier);
  assert.equal(own.length, 1, `one cache entry for ${state.identifier}`);
  assert.equal(own[0].__typename, state.__typename, "the entry holds the final state");
}

const CART = gql`query Cart($m: [String!]!) {
  carts(cartMasks: $m) { id cartMask increment_id items { sku qty product { id sku name price } } customerEmail } }`;
const live = await roundTrip(() => client.query({ query: CART, variables: { m: [cart] }, fetchPolicy: "network-only" }),
  { query: CART, variables: { m: [cart] } });
assert.equal(live.carts[0].id, `Cart:${cart}`);
assert.deepEqual(live.carts[0].items.map((item) => [item.sku, item.qty, typeof item.product.price]),
  [["simple-product-2", 2, "string"]]);
// The snapshots did not change with the live cart.
const snapshot = client.readFragment({ id: states[1].id,
  fragment: gql`fragment Snapshot on CartSaveOperationCompleted { cart { items { sku qty } } }` });
assert.deepEqual(snapshot.cart.items.map((item) => [item.sku, item.qty]), [["simple-product-1", 1], ["simple-product-2", 2]]);

assert.deepEqual(warnings, [], "warnings of Apollo Client");
console.log(`README session through Apollo Client: ${sent.length} answers, each read back from the cache as sent`);
