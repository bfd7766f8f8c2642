import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);
import {
  require_dist
} from "./chunk-IGKN5HIV.js";
import "./chunk-LKYZCP33.js";
export default require_dist();
