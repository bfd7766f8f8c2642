// A service with the built monkey, for the kill assault tests (they need a process to kill).
const express = require('express');
const chaosMonkey = require('@faultline/monkey');

const app = express();
const graceMs = process.env.KILL_GRACE_MS === undefined ? undefined : Number(process.env.KILL_GRACE_MS);
const monkey = chaosMonkey({ enabled: true, logger: console, killProcess: { graceMs } });
app.use(monkey);
app.use(monkey.actuator({ token: 'kill-token' }));
app.get('/slow', (req, res) => {
  console.log('slow request started');
  setTimeout(() => res.json({ done: true }), 500);
});
app.get('/fast', (req, res) => res.json({ fast: true }));
const server = app.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
