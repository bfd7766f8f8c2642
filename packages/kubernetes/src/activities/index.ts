export { driver } from './kubernetes-driver.js';
export { kubernetesActivities } from './kubernetes-activities.js';
