// k6 load script for ScoringGrid's Evaluate RPC (k6/net/grpc), the counterpart of
//   sg-load run --grpc http://127.0.0.1:50051 --application examples/js-star-2019-suzhou-gear.json \
//     --stages 10s:200,30s:200,10s:0 --warmup 5s --threshold 'p95<200ms' --threshold 'errors<1%'
// Run from the repository root: k6 run load/k6/scoring-grpc.js  (see load/k6/README.md).
// Settings through the environment: TARGET (host:port, default 127.0.0.1:50051), API_KEY,
// PEAK_RATE (default 200), RESPONSE_TIME_MS (default 200).
import grpc from 'k6/net/grpc';
import { check } from 'k6';
import { Rate } from 'k6/metrics';

const target = __ENV.TARGET || '127.0.0.1:50051';
const peak = Number(__ENV.PEAK_RATE || 200);
const responseTimeMs = Number(__ENV.RESPONSE_TIME_MS || 200);

// Failures by grpc-status, not by HTTP status (an OK HTTP/2 response can carry grpc-status 14).
const errors = new Rate('errors');

const client = new grpc.Client();
client.load(['../../proto'], 'scoringgrid/v1/scoring.proto');

// The same application the runner's examples use (examples/js-star-2019-suzhou-gear.json).
const application = {
  id: 'js2019-0001',
  ruleset: 'js-star-2019',
  applicant: {
    name: '苏州精密齿轮有限公司', credit_code: '91320500MA1XXXXX01', province: 'jiangsu',
    city: 'suzhou', industry: 'manufacturing', provider: 'Tianyi Cloud',
  },
  deployment: 'public',
  items: ['app.design.rd_app', 'app.production.mes', 'app.supply.erp', 'base.compute', 'base.storage', 'base.database',
    'data.production', 'data.supply_chain', 'device.smart_equipment', 'devsvc.ledger', 'devsvc.alarms'],
  figures: { annual_cloud_investment_yuan: 120000 },
  flags: { registered_in_province: true, independent_legal_person: true },
};

export const options = {
  scenarios: {
    // Warm-up at the starting rate, excluded from the thresholds by its tag (sg-load --warmup 5s).
    warmup: {
      executor: 'constant-arrival-rate', rate: Math.max(1, Math.round(peak / 10)), timeUnit: '1s', duration: '5s',
      preAllocatedVUs: 20, maxVUs: 200, tags: { phase: 'warmup' },
    },
    // Open model: arrivals do not wait for answers; k6 counts starts without a free VU as dropped_iterations.
    evaluate: {
      executor: 'ramping-arrival-rate', startRate: 0, timeUnit: '1s', startTime: '5s',
      preAllocatedVUs: 50, maxVUs: 1000,
      stages: [
        { duration: '10s', target: peak },
        { duration: '30s', target: peak },
        { duration: '10s', target: 0 },
      ],
      tags: { phase: 'measure' },
    },
  },
  thresholds: {
    'grpc_req_duration{phase:measure}': [`p(95)<${responseTimeMs}`],
    'errors{phase:measure}': ['rate<0.01'],
    dropped_iterations: ['count<1'],
  },
};

export default function () {
  if (__ITER === 0) {
    client.connect(target, { plaintext: true });
  }

  const params = __ENV.API_KEY ? { metadata: { authorization: `Bearer ${__ENV.API_KEY}` } } : {};
  const response = client.invoke('scoringgrid.v1.Scoring/Evaluate', { application }, params);
  const ok = check(response, { 'grpc-status OK': (r) => r && r.status === grpc.StatusOK });
  errors.add(!ok);
}

export function teardown() {
  client.close();
}
