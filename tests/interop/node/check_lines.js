// One JSON line per interop check on stdout: what the C# tests read (InteropResults).
'use strict';

const grpc = require('@grpc/grpc-js');

const emit = (check, fields) => process.stdout.write(JSON.stringify({ check, ...fields }) + '\n');

const statusName = (code) => Object.keys(grpc.status).find((k) => grpc.status[k] === code);

// Runs one check: its fields, or the status it failed with, or the exception it threw.
async function run(check, action) {
  try {
    emit(check, await action());
  } catch (error) {
    if (error && typeof error.code === 'number') emit(check, { code: statusName(error.code), details: error.details });
    else emit(check, { exception: String(error && error.stack || error) });
  }
}

module.exports = { emit, run, statusName };
