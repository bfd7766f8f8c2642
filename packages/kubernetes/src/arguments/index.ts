export * from './kube-arguments.js';
