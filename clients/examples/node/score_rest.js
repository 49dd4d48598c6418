// Score application documents on a ScoringGrid server over REST, with fetch: the same code runs in a
// browser page (the server must name the page's origin in ScoringGrid:CorsOrigins).
//
// One POST /v1/evaluate:batch with every document: each is scored on its own, and a bad one gets its
// error in its answer. Prints a line per application (see ../README.md for the format) and, under
// it, what is missing for the next level. No packages needed (Node 18 or later).
//
//   node clients/examples/node/score_rest.js --url http://127.0.0.1:8080 examples/*.json
'use strict';

const fs = require('fs');
const { headline, errorLine } = require('./lines');

async function main() {
  const args = { url: 'http://127.0.0.1:8080', 'api-key': process.env.SCORINGGRID_API_KEY, files: [] };
  for (let argv = process.argv.slice(2); argv.length > 0;) {
    const arg = argv.shift();
    if (arg.startsWith('--')) args[arg.slice(2)] = argv.shift();
    else args.files.push(arg);
  }

  // The request and answer are the proto3 JSON forms of scoringgrid.v1.EvaluateBatchRequest and
  // EvaluateBatchResponse: the application documents go in as they are.
  const applications = args.files.map((file) => JSON.parse(fs.readFileSync(file, 'utf8')));
  const headers = { 'content-type': 'application/json' };
  if (args['api-key']) headers.authorization = `Bearer ${args['api-key']}`;
  const response = await fetch(`${args.url}/v1/evaluate:batch`, {
    method: 'POST', headers, body: JSON.stringify({ applications }), signal: AbortSignal.timeout(30000),
  });
  const body = await response.json();
  if (!response.ok) {
    // The whole batch was refused (no key, rate limit, too large): the error says why; on a 429,
    // Retry-After says when to come back.
    const retry = response.headers.get('retry-after');
    console.error(`error: ${body.error.code}: ${body.error.message}${retry ? ` (retry after ${retry} s)` : ''}`);
    return 1;
  }

  let exitCode = 0;
  body.responses.forEach((answer, i) => {
    if (answer.error) {
      console.log(errorLine(answer.application_id || applications[i].id, answer.error));
      exitCode = 2;
      return;
    }
    console.log(headline(answer.result));
    for (const gap of answer.result.gaps) console.log(`  next: ${gap.text}`);
  });
  return exitCode;
}

main().then((code) => { process.exitCode = code; }, (error) => {
  console.error(`error: ${error.message}`);
  process.exitCode = 1;
});
