import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chaosMonkey } from '@faultline/monkey';
import { gateway } from './gateway.js';
import { inventory } from './inventory.js';
import { orders } from './orders.js';
import { payment } from './payment.js';
import { shopConfig } from './shop-config.js';

// One process of the demo shop, started by the supervisor (start-shop.ts) with SHOP_* variables.
// Every service carries the Faultline monkey with its actuator API (Chaos Monkey for Spring Boot's
// endpoints) behind a bearer token, so experiments can make it slow or throw from outside.
const config = shopConfig(process.env);
const services = { gateway, orders, payment, inventory };
const app = services[config.role](config);
const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const monkey = chaosMonkey({ enabled: false, logger: quiet as never });
const server = createServer(monkey.http(app, { actuator: monkey.actuator({ token: config.monkeyToken }) }));
monkey.attachServer(server);

function stop(code: number): void {
  monkey.close();
  (app as { close?: () => void }).close?.();
  server.closeAllConnections();
  server.close(() => process.exit(code));
  setTimeout(() => process.exit(code), 1000).unref();
}

process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));
// The supervisor went away (even kill -9): a shop process never outlives the demo.
process.on('disconnect', () => stop(0));

server.on('error', (error) => {
  process.send?.({ type: 'error', message: error.message });
  process.exit(1);
});
server.listen(config.port, '127.0.0.1', () => {
  process.send?.({ type: 'ready', port: (server.address() as AddressInfo).port, pid: process.pid });
});
