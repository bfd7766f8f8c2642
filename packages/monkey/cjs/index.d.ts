import { chaosMonkey } from './dist/index.js';
export = chaosMonkey;
