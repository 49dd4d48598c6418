// Node @grpc/grpc-js client for ScoringGrid's gRPC transport interop tests.
// Usage: node client.js <host:port> <path to test_service.proto> <path to health.proto>
// Prints one JSON line per check; the C# test asserts on the lines.
'use strict';

const grpc = require('@grpc/grpc-js');
const { run } = require('./check_lines');
const protoLoader = require('@grpc/proto-loader');

const [target, testProto, healthProto] = process.argv.slice(2);
const loadOptions = { keepCase: false, longs: Number, enums: String, defaults: true, oneofs: true };
const testPackage = grpc.loadPackageDefinition(protoLoader.loadSync(testProto, loadOptions));
const healthPackage = grpc.loadPackageDefinition(protoLoader.loadSync(healthProto, loadOptions));
const options = { 'grpc.enable_http_proxy': 0 };
const client = new testPackage.scoringgrid.test.v1.TestService(target, grpc.credentials.createInsecure(), options);
const gzipClient = new testPackage.scoringgrid.test.v1.TestService(target, grpc.credentials.createInsecure(),
  { ...options, 'grpc.default_compression_algorithm': 2 });
const health = new healthPackage.grpc.health.v1.Health(target, grpc.credentials.createInsecure(), options);

const deadline = (ms) => new Date(Date.now() + ms);

function unary(target, method, request, callOptions = {}, metadata = new grpc.Metadata()) {
  return new Promise((resolve, reject) => {
    const call = target[method](request, metadata, { deadline: deadline(10000), ...callOptions }, (error, reply) => {
      if (error) reject(error); else resolve({ reply, call });
    });
    call.on('status', (status) => { call.finalStatus = status; });
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

async function main() {
  await run('unary', async () => ({ message: (await unary(client, 'Echo', { message: 'hello 云' })).reply.message }));
  await run('server_stream', async () => ({
    indexes: (await collect(client.ServerStream({ message: 's', count: 5 }, { deadline: deadline(10000) }))).map((r) => r.index),
  }));
  await run('client_stream', () => new Promise((resolve, reject) => {
    const call = client.ClientStream({ deadline: deadline(10000) }, (error, reply) => {
      if (error) reject(error); else resolve({ message: reply.message, count: reply.count });
    });
    for (const m of ['a', 'b', 'c']) call.write({ message: m });
    call.end();
  }));
  await run('duplex', async () => {
    const call = client.Duplex({ deadline: deadline(10000) });
    const replies = collect(call);
    for (let i = 0; i < 3; i++) call.write({ message: `m${i}` });
    call.end();
    return { messages: (await replies).map((r) => r.message) };
  });
  await run('error', async () => ({ message: (await unary(client, 'Echo', { failCode: 5, failMessage: '规则集不存在 100%' })).reply.message }));
  await run('unknown', async () => ({ message: (await unary(client, 'Echo', { throwException: true })).reply.message }));
  await run('deadline', async () => ({ message: (await unary(client, 'WaitForCancellation', {}, { deadline: deadline(300) })).reply.message }));
  await run('gzip', async () => ({ length: (await unary(gzipClient, 'Echo', { message: 'z'.repeat(100000) })).reply.message.length }));
  await run('metadata', async () => {
    const metadata = new grpc.Metadata();
    metadata.set('x-echo-bin', Buffer.from([0, 1, 254, 255]));
    metadata.set('x-echo-text', 'plain');
    const { call } = await unary(client, 'Echo', {}, {}, metadata);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const trailers = call.finalStatus.metadata;
    return { bin: trailers.get('x-echo-bin')[0].toString('hex'), text: trailers.get('x-echo-text')[0] };
  });
  await run('too_large', async () => ({ message: (await unary(client, 'Echo', { payload: Buffer.alloc(5 * 1024 * 1024) })).reply.message }));
  await run('health', async () => ({
    status: await new Promise((resolve, reject) => health.Check({ service: '' }, { deadline: deadline(10000) },
      (error, reply) => (error ? reject(error) : resolve(reply.status)))),
  }));
  client.close();
  gzipClient.close();
  health.close();
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(1);
});
