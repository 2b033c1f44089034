import { JSDOM } from "jsdom";
import fs from "fs";
const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window; globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });
let bad = 0;
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, "utf8");
  try { const r = await mermaid.parse(text); console.log("ok", file, r.diagramType); }
  catch (e) { bad++; console.log("FAIL", file, String(e.message || e).split("\n")[0]); }
}
process.exit(bad ? 1 : 0);
