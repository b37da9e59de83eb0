// Tokenises every example with the TextMate grammar, as VS Code would,
// and compares the scopes with the snapshots in snapshots/. With UPDATE=1
// it writes them instead. Every line of a snapshot is a token: its line
// and column, its text, and its scopes (source.rel left out).
//
//   cd grammar/textmate && npm ci && node test.js
const fs = require("fs");
const path = require("path");
const oniguruma = require("vscode-oniguruma");
const vsctm = require("vscode-textmate");

const here = __dirname;
const examples = path.join(here, "..", "..", "examples");
const snapshots = path.join(here, "snapshots");

async function main() {
  const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p) => new oniguruma.OnigScanner(p),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () =>
      vsctm.parseRawGrammar(
        fs.readFileSync(path.join(here, "rel.tmLanguage.json"), "utf8"),
        "rel.tmLanguage.json"
      ),
  });
  const grammar = await registry.loadGrammar("source.rel");
  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".rel")) files.push(p);
    }
  };
  walk(examples);
  let failed = 0;
  fs.mkdirSync(snapshots, { recursive: true });
  for (const file of files) {
    const lines = fs.readFileSync(file, "utf8").split("\n");
    let state = vsctm.INITIAL;
    const out = [];
    lines.forEach((line, i) => {
      const r = grammar.tokenizeLine(line, state);
      for (const t of r.tokens) {
        const text = line.slice(t.startIndex, t.endIndex);
        const scopes = t.scopes.filter((s) => s !== "source.rel");
        if (text.trim() === "" || scopes.length === 0) continue;
        out.push(`${i + 1}:${t.startIndex} ${JSON.stringify(text)} ${scopes.join(" ")}`);
      }
      state = r.ruleStack;
    });
    const name = path.relative(examples, file).replace(/[\\/]/g, "__") + ".scopes";
    const snap = path.join(snapshots, name);
    const got = out.join("\n") + "\n";
    if (process.env.UPDATE === "1") {
      fs.writeFileSync(snap, got);
      continue;
    }
    const want = fs.existsSync(snap) ? fs.readFileSync(snap, "utf8") : "";
    if (got !== want) {
      failed++;
      const a = want.split("\n"), b = got.split("\n");
      const at = a.findIndex((l, k) => l !== b[k]);
      console.error(`${name}: differs from line ${at + 1}\n  want: ${a[at]}\n  got:  ${b[at]}`);
    }
  }
  console.log(`textmate: ${files.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
