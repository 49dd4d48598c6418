// Node @grpc/grpc-js client for ScoringGrid's connection interop tests (connection age, keepalive).
// Usage: node connection_client.js --target <host:port> --example <application.json>
//          [--checks stream_across_age,unary_across_ages|idle_across_pings] [--age <seconds>] [--idle <seconds>] [--proto <dir>]
// Prints one JSON line per check, as tests/interop/python/connection_client.py does. With a server that
// sends every connection GOAWAY when it is --age seconds old: a stream open across its connection's
// GOAWAY finishes, and a client calling on across several ages never sees an error (grpc-js reconnects
// itself). With a server that pings idle connections: a client idle for --idle seconds answers the pings
// and calls on, on the same connection.
'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { run, statusName } = require('./check_lines');
const { readExamples } = require('./examples');

const args = {
  proto: path.resolve(__dirname, '..', '..', '..', 'proto'), checks: 'stream_across_age,unary_across_ages', age: '1', idle: '3',
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
if (!args.target || !args.example) {
  throw new Error('usage: node connection_client.js --target host:port --example file.json [--checks a,b] [--age s] [--idle s] [--proto dir]');
}

const ageMs = Number(args.age) * 1000;
const loadOptions = { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true, includeDirs: [args.proto] };
const scoringPackage = grpc.loadPackageDefinition(protoLoader.loadSync('scoringgrid/v1/scoring.proto', loadOptions)).scoringgrid.v1;
const example = readExamples(path.dirname(args.example))[path.basename(args.example)];
const client = new scoringPackage.Scoring(args.target, grpc.credentials.createInsecure(), { 'grpc.enable_http_proxy': 0 });
const deadline = (ms) => new Date(Date.now() + ms);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const request = (id) => ({ application: { ...structuredClone(example), id }, view: 'RESULT_VIEW_SCORES' });

// One application, its answer, then a wait of 2.5 ages (the connection has had its GOAWAY), then
// three more on the same stream.
function streamAcrossAge() {
  return new Promise((resolve, reject) => {
    const ids = [];
    const call = client.EvaluateStream({ deadline: deadline(30000) });
    call.on('data', (response) => {
      ids.push(response.application_id);
      if (ids.length === 1) {
        setTimeout(() => {
          for (let i = 0; i < 3; i++) call.write(request(`after-${i}`));
          call.end();
        }, 2.5 * ageMs);
      }
    });
    call.on('error', reject);
    call.on('end', () => resolve({ code: 'OK', ids }));
    call.write(request('before'));
  });
}

function evaluate(id) {
  return new Promise((resolve, reject) => {
    client.Evaluate(request(id), { deadline: deadline(10000) }, (error, reply) => (error ? reject(error) : resolve(reply)));
  });
}

// Calls one after another for three ages: each connection is sent away under them.
async function unaryAcrossAges() {
  let calls = 0;
  const failures = [];
  const until = Date.now() + 3 * ageMs;
  while (Date.now() < until) {
    try {
      await evaluate(`unary-${calls}`);
    } catch (error) {
      failures.push(typeof error.code === 'number' ? `${statusName(error.code)}: ${error.details}` : String(error));
    }
    calls++;
    await sleep(20);
  }
  return { calls, failures };
}

// A call, --idle seconds of silence (the server pings; grpc-js answers), another call.
async function idleAcrossPings() {
  await evaluate('before-idle');
  await sleep(Number(args.idle) * 1000);
  await evaluate('after-idle');
  return { code: 'OK' };
}

const checks = { stream_across_age: streamAcrossAge, unary_across_ages: unaryAcrossAges, idle_across_pings: idleAcrossPings };

async function main() {
  await new Promise((resolve, reject) => client.waitForReady(deadline(10000), (error) => (error ? reject(error) : resolve())));
  for (const name of args.checks.split(',')) await run(name, checks[name]);
  client.close();
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(1);
});
