// k6 capacity script for a vendor HTTP endpoint, the counterpart of
//   sg-load capacity --url "$URL" --start 50 --step 50 --max 500 --step-duration 10s \
//     --response-time 200ms --max-errors 1%
// Each step holds one arrival rate; the run aborts at the first step whose p95 exceeds the
// declared response time or whose failures exceed 1 % — the last rate held before the abort is
// the capacity. (sg-load capacity reports that rate itself and can store it as evidence.)
// Settings through the environment: URL (default http://127.0.0.1:8080/), METHOD, BODY_FILE,
// CONTENT_TYPE, START, STEP, MAX (requests/s), STEP_DURATION (seconds), RESPONSE_TIME_MS.
import http from 'k6/http';
import { check } from 'k6';

const url = __ENV.URL || 'http://127.0.0.1:8080/';
const method = (__ENV.METHOD || 'GET').toUpperCase();
const body = __ENV.BODY_FILE ? open(__ENV.BODY_FILE) : null;
const start = Number(__ENV.START || 50);
const step = Number(__ENV.STEP || 50);
const max = Number(__ENV.MAX || 500);
const stepSeconds = Number(__ENV.STEP_DURATION || 10);
const responseTimeMs = Number(__ENV.RESPONSE_TIME_MS || 200);

// A one-second ramp into each rate, then the rate held for the step (sg-load's steps are flat).
function stepStages() {
  const stages = [];
  for (let rate = start; rate <= max; rate += step) {
    stages.push({ duration: '1s', target: rate });
    stages.push({ duration: `${stepSeconds}s`, target: rate });
  }
  return stages;
}

export const options = {
  scenarios: {
    capacity: {
      executor: 'ramping-arrival-rate',
      startRate: start,
      timeUnit: '1s',
      preAllocatedVUs: 50,
      maxVUs: 1000, // sg-load --max-in-flight 1000
      stages: stepStages(),
    },
  },
  thresholds: {
    http_req_duration: [{ threshold: `p(95)<${responseTimeMs}`, abortOnFail: true, delayAbortEval: `${stepSeconds}s` }],
    http_req_failed: [{ threshold: 'rate<0.01', abortOnFail: true, delayAbortEval: `${stepSeconds}s` }],
    dropped_iterations: ['count<1'],
  },
  summaryTrendStats: ['p(50)', 'p(90)', 'p(95)', 'p(99)', 'p(99.9)', 'max'],
};

export default function () {
  const params = { headers: {}, timeout: '10s' };
  if (__ENV.CONTENT_TYPE) {
    params.headers['Content-Type'] = __ENV.CONTENT_TYPE;
  }
  const response = http.request(method, url, body, params);
  check(response, { 'status 2xx': (r) => r.status >= 200 && r.status < 300 });
}
