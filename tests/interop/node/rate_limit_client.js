// Node @grpc/grpc-js client for ScoringGrid's rate-limit interop test.
// Usage: node rate_limit_client.js --target <host:port> --key <api key> --example <application.json> [--proto <dir>]
// The key's limit is 1 per second with a burst of 1. Prints one JSON line per check, as
// tests/interop/python/rate_limit_client.py does; grpc-js's own retry machinery (a retry policy in the
// service config) must honour the server's grpc-retry-pushback-ms trailer.
'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');
const { run, statusName } = require('./check_lines');
const { readExamples } = require('./examples');

const STREAM_SIZE = 4;

const args = { proto: path.resolve(__dirname, '..', '..', '..', 'proto') };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
if (!args.target || !args.key || !args.example) {
  throw new Error('usage: node rate_limit_client.js --target host:port --key KEY --example file.json [--proto dir]');
}

const loadOptions = { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true, includeDirs: [args.proto] };
const scoringPackage = grpc.loadPackageDefinition(protoLoader.loadSync('scoringgrid/v1/scoring.proto', loadOptions)).scoringgrid.v1;
// The rich error model of grpc-status-details-bin, read with proto-loader's protobufjs.
const errorModel = protobuf.loadSync(['status.proto', 'error_details.proto'].map((f) => path.join(args.proto, 'google', 'rpc', f)));
const RpcStatus = errorModel.lookupType('google.rpc.Status');
const RetryInfo = errorModel.lookupType('google.rpc.RetryInfo');
const example = readExamples(path.dirname(args.example))[path.basename(args.example)];

// Retries a few milliseconds apart: far too soon for a token (one a second), unless the client
// waits as long as the server's pushback says.
const retryConfig = JSON.stringify({
  methodConfig: [{
    name: [{ service: 'scoringgrid.v1.Scoring' }],
    retryPolicy: {
      maxAttempts: 3, initialBackoff: '0.001s', maxBackoff: '0.002s', backoffMultiplier: 1.0, retryableStatusCodes: ['RESOURCE_EXHAUSTED'],
    },
  }],
});
const insecure = grpc.credentials.createInsecure();
const plain = new scoringPackage.Scoring(args.target, insecure, { 'grpc.enable_http_proxy': 0, 'grpc.enable_retries': 0 });
const retrying = new scoringPackage.Scoring(args.target, insecure, {
  'grpc.enable_http_proxy': 0, 'grpc.enable_retries': 1, 'grpc.service_config': retryConfig,
});

const metadata = new grpc.Metadata();
metadata.set('authorization', `Bearer ${args.key}`);
const deadline = (ms) => new Date(Date.now() + ms);

function listRuleSets(client) {
  return new Promise((resolve, reject) => {
    client.ListRuleSets({}, metadata, { deadline: deadline(10000) }, (error, reply) => (error ? reject(error) : resolve(reply)));
  });
}

function connect(client) {
  return new Promise((resolve, reject) => client.waitForReady(deadline(10000), (error) => (error ? reject(error) : resolve())));
}

// Two calls at once against a burst of one: one passes, the other is told when to come back.
async function refused() {
  const outcomes = await Promise.allSettled([listRuleSets(plain), listRuleSets(plain)]);
  const passed = outcomes.filter((o) => o.status === 'fulfilled').length;
  const rejection = outcomes.find((o) => o.status === 'rejected');
  if (!rejection) return { code: 'OK', passed: String(passed) };
  const error = rejection.reason;
  const pushback = error.metadata ? error.metadata.get('grpc-retry-pushback-ms') : [];
  // The same wait in the rich error model: google.rpc.RetryInfo in grpc-status-details-bin.
  const status = RpcStatus.decode(error.metadata.get('grpc-status-details-bin')[0]);
  const delay = RetryInfo.decode(status.details[0].value).retryDelay;
  return {
    passed: String(passed),
    code: statusName(error.code),
    details: error.details,
    pushback_ms: pushback.length ? String(pushback[0]) : null,
    retry_delay_ms: Number(delay.seconds) * 1000 + Math.round((delay.nanos || 0) / 1e6),
  };
}

async function retried() {
  const started = Date.now();
  const response = await listRuleSets(retrying);
  return { code: 'OK', rule_sets: response.rule_sets.length, elapsed_ms: Date.now() - started };
}

// A stream is paced to the key's rate, not refused: every application is answered, each answer as
// soon as its token came (arrival times relative to the first answer).
function pacedStream() {
  return new Promise((resolve, reject) => {
    const ids = [];
    const outcomes = [];
    const arrivals = [];
    const call = retrying.EvaluateStream(metadata, { deadline: deadline(30000) });
    call.on('data', (response) => {
      ids.push(response.application_id);
      outcomes.push(response.outcome);
      arrivals.push(Date.now());
    });
    call.on('error', reject);
    call.on('end', () => resolve({ ids, outcomes, arrival_ms: arrivals.map((t) => t - arrivals[0]) }));
    for (let i = 0; i < STREAM_SIZE; i++) {
      call.write({ application: { ...structuredClone(example), id: `paced-${i}` }, view: 'RESULT_VIEW_SCORES' });
    }
    call.end();
  });
}

async function main() {
  // Connected before the first token is spent, so connecting cannot spread the calls apart.
  await Promise.all([connect(plain), connect(retrying)]);
  await run('refused', refused);
  await run('retried', retried);
  await run('paced_stream', pacedStream);
  plain.close();
  retrying.close();
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(1);
});
