// graphql-http's audit of a GraphQL over HTTP server: every MUST rule passes; SHOULD and MAY rules that the service
// answers otherwise (it takes queries by POST only) are printed. Usage: node audit.mjs http://localhost:8081/graphql
import { serverAudits } from "graphql-http";

const url = process.argv[2];
let failed = 0;
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  if (result.status !== "ok") {
    console.log(`${result.status}: ${audit.name}: ${result.reason}`);
  }
  if (result.status === "error") {
    failed++;
  }
}
console.log(failed ? `${failed} MUST rules fail` : "every MUST rule of GraphQL over HTTP passes");
process.exit(failed ? 1 : 0);
