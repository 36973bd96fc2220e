// The graphql-ws library's client (the one GraphiQL, Apollo Client's GraphQLWsLink and urql use for subscriptions)
// follows an operation over graphql-transport-ws: the states it is pushed name the operation and end with its final
// one. Usage: node --experimental-websocket subscription.mjs http://localhost:8081/graphql
import { createClient } from "graphql-ws";

const url = process.argv[2];
const created = await fetch(url, {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({
    query: "mutation Create($cartMask: String!) { createEmptyCart(cartMask: $cartMask) { identifier } }",
    variables: { cartMask: `ws-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  }),
}).then((response) => response.json());
const identifier = created.data.createEmptyCart.identifier;

const client = createClient({ url: url.replace(/^http/, "ws"), retryAttempts: 0 });
const states = [];
try {
  await new Promise((resolve, reject) => {
    client.subscribe(
      {
        query: `subscription Follow($ids: [String!]!) {
          operationStates(operationIdentifiers: $ids) { __typename identifier }
        }`,
        variables: { ids: [identifier] },
      },
      {
        next: (message) => (message.errors ? reject(new Error(JSON.stringify(message.errors))) : states.push(message.data.operationStates)),
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: resolve,
      },
    );
  });
} finally {
  await client.dispose();
}

const last = states.at(-1);
const ok = states.length > 0 && states.every((state) => state.identifier === identifier) &&
  last.__typename === "PersistOperationCompleted";
console.log(`${identifier}: ${states.map((state) => state.__typename).join(" → ")}`);
process.exit(ok ? 0 : 1);
