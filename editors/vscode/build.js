// Copies the TextMate grammar in from grammar/textmate, where it is kept
// and tested, so the packaged extension carries it. The copy is not
// committed (see .gitignore).
const fs = require("fs");
const path = require("path");
const from = path.join(__dirname, "..", "..", "grammar", "textmate", "rel.tmLanguage.json");
const dir = path.join(__dirname, "syntaxes");
fs.mkdirSync(dir, { recursive: true });
fs.copyFileSync(from, path.join(dir, "rel.tmLanguage.json"));
console.log("syntaxes/rel.tmLanguage.json copied from grammar/textmate");
