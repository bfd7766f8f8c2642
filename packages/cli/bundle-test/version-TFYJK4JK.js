import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);
import {
  faultlineVersion
} from "./chunk-LJ6S5XKT.js";
import "./chunk-LKYZCP33.js";
export {
  faultlineVersion
};
