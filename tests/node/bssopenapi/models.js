'use strict';
// Checks a raw JSON answer against the SDK's own model: every key must be a wire name the model declares (exact
// case), and every value must already have the model's type. The SDK's cast would quietly turn 1234.50 into
// "1234.5" or "12.5" into 12.5; this catches that before the cast hides it.
const assert = require('node:assert/strict');

function check(modelClass, raw, where = modelClass.name) {
  assert.equal(typeof raw, 'object', `${where}: expected an object`);
  assert.ok(raw !== null && !Array.isArray(raw), `${where}: expected an object, not ${JSON.stringify(raw)}`);
  const names = modelClass.names();
  const types = modelClass.types();
  const byWire = new Map(Object.entries(names).map(([js, wire]) => [wire, js]));
  for (const [wire, value] of Object.entries(raw)) {
    assert.ok(byWire.has(wire), `${where}: "${wire}" is not a field of the SDK model (${[...byWire.keys()].join(', ')})`);
    checkValue(types[byWire.get(wire)], value, `${where}.${wire}`);
  }
}

function checkValue(type, value, where) {
  if (value === null || value === undefined) return;
  if (typeof type === 'string') {
    assert.equal(typeof value, type, `${where}: the model says ${type}, the answer has ${JSON.stringify(value)}`);
  } else if (type && type.type === 'array') {
    assert.ok(Array.isArray(value), `${where}: the model says array, the answer has ${JSON.stringify(value)}`);
    value.forEach((item, i) => checkValue(type.itemType, item, `${where}[${i}]`));
  } else if (typeof type === 'function') {
    check(type, value, where);
  }
}

module.exports = { check };
