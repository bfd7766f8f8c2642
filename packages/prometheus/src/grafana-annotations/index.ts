// The Grafana annotations control as a plain control module, so an experiment can name it as
// `provider: {type: javascript, module: "@faultline/prometheus/grafana-annotations"}`.
import { grafanaAnnotationsControl } from '../controls/grafana-annotations.js';

export const before_experiment_control = grafanaAnnotationsControl.module.before_experiment_control;
export const after_experiment_control = grafanaAnnotationsControl.module.after_experiment_control;
