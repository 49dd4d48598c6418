// Node @grpc/grpc-js client for ScoringGrid's Scoring service interop tests.
// Usage: node scoring_client.js --target <host:port> --examples <dir> [--proto <repository proto dir>] [--root-cert <pem>]
// Prints one JSON line per check; the C# test (tests/ScoringGrid.Server.Interop.Tests) asserts on the lines.
'use strict';

const fs = require('fs');
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');
const { run, statusName } = require('./check_lines');
const { readExamples } = require('./examples');

const STREAM_SIZE = 200;

function parseArgs(argv) {
  const args = { proto: path.resolve(__dirname, '..', '..', '..', 'proto') };
  for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
  if (!args.target || !args.examples) throw new Error('usage: node scoring_client.js --target host:port --examples dir [--proto dir]');
  return args;
}

const args = parseArgs(process.argv.slice(2));
// keepCase: field names stay snake_case, as in the .proto and the examples' proto3 JSON.
const loadOptions = { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true, includeDirs: [args.proto] };
const load = (file) => grpc.loadPackageDefinition(protoLoader.loadSync(file, loadOptions));
const scoringPackage = load('scoringgrid/v1/scoring.proto').scoringgrid.v1;
const healthPackage = load('grpc/health/v1/health.proto').grpc.health.v1;
const reflectionPackage = load('grpc/reflection/v1alpha/reflection.proto').grpc.reflection.v1alpha;
// proto-loader's own protobufjs (pinned by package-lock) decodes the reflected file descriptors,
// and the rich error model of grpc-status-details-bin (it knows google/protobuf/*.proto itself).
const { FileDescriptorProto } = require('protobufjs/ext/descriptor');
const errorModel = protobuf.loadSync(['status.proto', 'error_details.proto'].map((f) => path.join(args.proto, 'google', 'rpc', f)));
const RpcStatus = errorModel.lookupType('google.rpc.Status');
const BadRequest = errorModel.lookupType('google.rpc.BadRequest');

const options = { 'grpc.enable_http_proxy': 0 };
// --root-cert: a PEM certificate to trust, and the checks run over TLS.
const credentials = args['root-cert'] ? grpc.credentials.createSsl(fs.readFileSync(args['root-cert'])) : grpc.credentials.createInsecure();
const scoring = new scoringPackage.Scoring(args.target, credentials, options);
const gzipScoring = new scoringPackage.Scoring(args.target, credentials, { ...options, 'grpc.default_compression_algorithm': 2 });
const health = new healthPackage.Health(args.target, credentials, options);
const reflection = new reflectionPackage.ServerReflection(args.target, credentials, options);

const deadline = (ms) => new Date(Date.now() + ms);

const examples = readExamples(args.examples);
const example = (prefix) => structuredClone(Object.entries(examples).find(([name]) => name.startsWith(prefix + '-'))[1]);

function unary(client, method, request, ms = 10000) {
  return new Promise((resolve, reject) => {
    client[method](request, { deadline: deadline(ms) }, (error, reply) => (error ? reject(error) : resolve(reply)));
  });
}

function collect(stream) {
  return new Promise((resolve, reject) => {
    const items = [];
    stream.on('data', (item) => items.push(item));
    stream.on('error', reject);
    stream.on('end', () => resolve(items));
  });
}

function summary(response) {
  const result = response.result || {};
  return {
    application_id: response.application_id,
    outcome: response.outcome,
    rule_set: result.rule_set,
    digest: result.digest,
    level: result.level,
    // proto3 optional: present only when the server set it.
    total_score: result._total_score === 'total_score' ? result.total_score : null,
    criteria: (result.criteria || []).length,
  };
}

async function evaluateExamples() {
  const results = {};
  for (const [name, application] of Object.entries(examples)) {
    results[name] = summary(await unary(scoring, 'Evaluate', { application }));
  }
  return { results };
}

async function evaluateStream() {
  const call = scoring.EvaluateStream({ deadline: deadline(30000) });
  const responses = collect(call);
  for (let i = 0; i < STREAM_SIZE; i++) {
    const app = example(i % 2 === 0 ? 'js-star-2019' : 'zj-cloud-enterprise-2021');
    app.id = `app-${i}`;
    if (i % 7 === 3) app.figures = { ...app.figures, annual_cloud_investment_yuan: -5 };
    call.write({ application: app });
  }
  call.end();
  const received = await responses;
  const errors = {};
  received.forEach((r, i) => { if (r.outcome === 'error') errors[String(i)] = { code: r.error.code, field: r.error.field }; });
  return {
    count: received.length,
    ids: received.map((r) => r.application_id),
    errors,
    results: received.filter((r) => r.outcome === 'result').length,
  };
}

async function unknownItem() {
  const application = example('js-star-2019');
  application.items.push('app.does_not_exist');
  try {
    await unary(scoring, 'Evaluate', { application });
    return { index: application.items.length - 1 };
  } catch (error) {
    if (!error || typeof error.code !== 'number') throw error;
    // The rich error model: google.rpc.Status in grpc-status-details-bin, its detail a BadRequest.
    const status = RpcStatus.decode(error.metadata.get('grpc-status-details-bin')[0]);
    const badRequest = BadRequest.decode(status.details[0].value);
    return {
      code: statusName(error.code),
      details: error.details,
      status_code: status.code,
      status_message: status.message,
      fields: badRequest.fieldViolations.map((v) => v.field),
    };
  }
}

async function unknownRuleSet() {
  const application = example('js-star-2019');
  application.ruleset = 'no-such-programme';
  return summary(await unary(scoring, 'Evaluate', { application }));
}

// Send one application and keep the request stream open past a 1 s deadline (room for the one answer on a busy machine).
function deadlineCheck() {
  return new Promise((resolve) => {
    const started = Date.now();
    let received = 0;
    const call = scoring.EvaluateStream({ deadline: deadline(1000) });
    call.on('data', () => { received++; });
    call.on('error', (error) => resolve({ code: statusName(error.code), received, elapsed_ms: Date.now() - started }));
    call.on('end', () => resolve({ received, message: 'stream ended without an error' }));
    call.write({ application: example('js-star-2019') });
  });
}

async function ruleSets() {
  const listed = await unary(scoring, 'ListRuleSets', {});
  const iiot = await unary(scoring, 'GetRuleSet', { rule_set: 'js-iiot-platform-2019@2019.1' });
  let missing = 'OK';
  try {
    await unary(scoring, 'GetRuleSet', { rule_set: 'nope' });
  } catch (error) {
    missing = statusName(error.code);
  }
  return {
    ids: listed.rule_sets.map((r) => r.id).sort(),
    levels: iiot.summary.levels,
    rules: iiot.rules.map((r) => `${r.level}/${r.id}`),
    missing,
  };
}

async function reflect() {
  const call = reflection.ServerReflectionInfo({ deadline: deadline(10000) });
  const responses = collect(call);
  call.write({ list_services: '' });
  call.write({ file_containing_symbol: 'scoringgrid.v1.Scoring' });
  call.end();
  const [listed, described] = await responses;
  const files = described.file_descriptor_response.file_descriptor_proto.map((bytes) => FileDescriptorProto.decode(bytes));
  return {
    services: listed.list_services_response.service.map((s) => s.name).sort(),
    files: files.map((f) => f.name).sort(),
    methods: files.filter((f) => f.package === 'scoringgrid.v1').flatMap((f) => f.service.flatMap((s) => s.method.map((m) => m.name))).sort(),
  };
}

async function main() {
  await run('evaluate', evaluateExamples);
  await run('evaluate_stream', evaluateStream);
  await run('unknown_item', unknownItem);
  await run('unknown_rule_set', unknownRuleSet);
  await run('health', async () => ({ status: (await unary(health, 'Check', { service: 'scoringgrid.v1.Scoring' })).status }));
  await run('deadline', deadlineCheck);
  await run('gzip', async () => summary(await unary(gzipScoring, 'Evaluate', { application: example('js-star-2019') })));
  await run('rule_sets', ruleSets);
  await run('reflection', reflect);
  for (const client of [scoring, gzipScoring, health, reflection]) client.close();
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(1);
});
