import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);
import {
  knownDrivers
} from "./chunk-JDH6GR3O.js";
import "./chunk-LKYZCP33.js";
export {
  knownDrivers
};
