// Compiles GOV.UK Frontend with Arial into saferplace/static/dist (never committed).
// GDS Transport and the crown are for GOV.UK only, so neither is copied or referenced.
import { mkdirSync, copyFileSync, writeFileSync } from "node:fs";
import { compile } from "sass";

const out = "saferplace/static/dist";
mkdirSync(out, { recursive: true });

const css = compile("saferplace/static/src/saferplace.scss", {
  loadPaths: ["node_modules"],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin"],
});
writeFileSync(`${out}/saferplace.css`, css.css);

copyFileSync("node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js", `${out}/govuk-frontend.min.js`);
// Vega, Vega-Lite and vega-embed for interactive report charts (progressive enhancement; no CDN), and
// vega-interpreter so that charts run under the Content-Security-Policy without 'unsafe-eval'.
for (const [pkg, file] of [["vega", "vega.min.js"], ["vega-lite", "vega-lite.min.js"],
                           ["vega-embed", "vega-embed.min.js"], ["vega-interpreter", "vega-interpreter.min.js"]]) {
  copyFileSync(`node_modules/${pkg}/build/${file}`, `${out}/${file}`);
}
console.log(`assets built in ${out}`);
