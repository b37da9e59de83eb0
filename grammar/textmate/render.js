// Renders a .rel file as HTML, coloured by the TextMate grammar's scopes
// (a light theme in the spirit of VS Code's), for docs/highlighted.png:
//
//   node render.js ../../examples/apec-2017-nha-trang.rel > page.html
const fs = require("fs");
const path = require("path");
const oniguruma = require("vscode-oniguruma");
const vsctm = require("vscode-textmate");

const colours = [
  ["comment", "#6a737d", "italic"],
  ["keyword", "#a626a4", "bold"],
  ["storage.type", "#a626a4", "bold"],
  ["entity.name", "#4078f2", "bold"],
  ["variable.other.property", "#986801", ""],
  ["variable.other.reference", "#0184bc", ""],
  ["punctuation.definition.reference", "#0184bc", ""],
  ["variable.other.member", "#0184bc", "italic"],
  ["string", "#50a14f", ""],
  ["constant.numeric", "#c18401", ""],
  ["constant.language", "#c18401", ""],
  ["markup.underline.link", "#4078f2", "underline"],
  ["markup.heading", "#e45649", "bold"],
  ["markup.bold", "#383a42", "bold"],
  ["markup.italic", "#383a42", "italic"],
  ["punctuation.separator.attribution", "#e45649", "bold"],
  ["markup.quote", "#383a42", ""],
];

function style(scopes) {
  for (const s of [...scopes].reverse()) {
    const hit = colours.find(([p]) => s.startsWith(p));
    if (hit) {
      const [, c, f] = hit;
      return `color:${c};${f === "bold" ? "font-weight:600;" : ""}${f === "italic" ? "font-style:italic;" : ""}${f === "underline" ? "text-decoration:underline;" : ""}`;
    }
  }
  return "";
}

const esc = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

async function main() {
  await oniguruma.loadWASM(fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p) => new oniguruma.OnigScanner(p),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () =>
      vsctm.parseRawGrammar(fs.readFileSync(path.join(__dirname, "rel.tmLanguage.json"), "utf8"), "rel.tmLanguage.json"),
  });
  const grammar = await registry.loadGrammar("source.rel");
  const lines = fs.readFileSync(process.argv[2], "utf8").split("\n");
  let state = vsctm.INITIAL;
  const html = lines.map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens
      .map((t) => {
        const text = esc(line.slice(t.startIndex, t.endIndex));
        const s = style(t.scopes);
        return s ? `<span style="${s}">${text}</span>` : text;
      })
      .join("");
  });
  console.log(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body{margin:0;background:#fafafa}pre{margin:0;padding:16px 20px;font:14px/1.45 "DejaVu Sans Mono",monospace;color:#383a42}
</style></head><body><pre>${html.join("\n")}</pre></body></html>`);
}
main();
