// The shipped examples (proto3 JSON of scoringgrid.v1.Application) as plain objects that
// @grpc/proto-loader serializes: shared by the Node interop clients. The conversion is the one the
// Node client example uses, so those tests exercise it too.
'use strict';

const fs = require('fs');
const path = require('path');
const { toMessage } = require('../../../clients/examples/node/application');

function readExamples(dir) {
  const examples = {};
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    examples[name] = toMessage(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')));
  }
  return examples;
}

module.exports = { readExamples };
