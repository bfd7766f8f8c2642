// npm run docs:compat — regenerates the table in docs/compatibility.md (run `npm run build` first).
import { writeCompatDoc } from '../dist/compat/write-compat-doc.js';

await writeCompatDoc(new URL('../../../docs/compatibility.md', import.meta.url).pathname);
