// Score application documents on a ScoringGrid server from Node, over gRPC (@grpc/grpc-js).
//
// All documents go over one EvaluateStream call: answers come back in the order sent, each tagged
// with its application id, and a bad application gets its error in its answer while the rest are
// scored. Prints a line per application (see ../README.md for the format) and, under it, what is
// missing for the next level.
//
//   npm install                         (in clients/examples/node)
//   node clients/examples/node/score.js --target 127.0.0.1:50051 examples/*.json
'use strict';

const fs = require('fs');
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { toMessage } = require('./application');
const { headline, errorLine } = require('./lines');

const args = { target: '127.0.0.1:50051', 'api-key': process.env.SCORINGGRID_API_KEY, files: [] };
for (let argv = process.argv.slice(2); argv.length > 0;) {
  const arg = argv.shift();
  if (arg.startsWith('--')) args[arg.slice(2)] = argv.shift();
  else args.files.push(arg);
}

// The .proto files are the contract; keepCase keeps their snake_case field names, which are also the
// JSON names of the application documents.
const protoDir = path.resolve(__dirname, '..', '..', '..', 'proto');
const definition = protoLoader.loadSync('scoringgrid/v1/scoring.proto', {
  keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true, includeDirs: [protoDir],
});
const { Scoring } = grpc.loadPackageDefinition(definition).scoringgrid.v1;
const client = new Scoring(args.target, grpc.credentials.createInsecure());

const metadata = new grpc.Metadata();
if (args['api-key']) metadata.set('authorization', `Bearer ${args['api-key']}`);

let exitCode = 0;
const call = client.EvaluateStream(metadata, { deadline: new Date(Date.now() + 30000) });
call.on('data', (response) => {
  if (response.outcome === 'error') {
    console.log(errorLine(response.application_id, response.error));
    exitCode = 2;
    return;
  }
  console.log(headline(response.result));
  for (const gap of response.result.gaps) console.log(`  next: ${gap.text}`);
});
call.on('error', (error) => {
  // The call itself failed (unreachable, no key, rate limit): say why.
  console.error(`error: ${Object.keys(grpc.status).find((k) => grpc.status[k] === error.code)}: ${error.details}`);
  process.exitCode = 1;
});
call.on('end', () => {
  client.close();
  process.exitCode = process.exitCode || exitCode;
});

for (const file of args.files) {
  call.write({ application: toMessage(JSON.parse(fs.readFileSync(file, 'utf8'))) });
}
call.end();
