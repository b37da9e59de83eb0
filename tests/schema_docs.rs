//! `docs/language.md`'s field tables against the schema: every field of
//! the header and of each kind of declaration is in its table, no table
//! names a field the schema lacks, and a "required" column says what the
//! schema says.

use std::collections::BTreeSet;

use relc::schema::{self, FieldSpec};
use relc::syntax::ast::DeclKind;

/// One field table: the heading it stands under, and its rows: the field
/// names of the first cell, and the "required" cell where there is one.
struct Table {
    heading: String,
    rows: Vec<(Vec<String>, Option<String>)>,
}

fn tables(doc: &str) -> Vec<Table> {
    let mut out = Vec::new();
    let mut heading = String::new();
    let mut lines = doc.lines().peekable();
    while let Some(line) = lines.next() {
        if let Some(h) = line.strip_prefix("## ").or(line.strip_prefix("### ")) {
            heading = h.trim().to_string();
            continue;
        }
        if !line.starts_with("| field |") {
            continue;
        }
        let mut rows = Vec::new();
        while let Some(row) = lines.next_if(|l| l.starts_with('|')) {
            let cells: Vec<&str> = row.trim_matches('|').split(" | ").map(str::trim).collect();
            if cells[0].starts_with("---") {
                continue;
            }
            let names = cells[0]
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect();
            rows.push((names, cells.get(2).map(|c| c.to_string())));
        }
        out.push(Table {
            heading: heading.clone(),
            rows,
        });
    }
    out
}

fn names(specs: &[FieldSpec]) -> BTreeSet<String> {
    specs.iter().map(|s| s.name.to_string()).collect()
}

#[test]
fn every_field_table_agrees_with_the_schema() {
    let doc = std::fs::read_to_string("docs/language.md").expect("docs/language.md");
    let tables = tables(&doc);
    let blocks = std::iter::once(("The release header".to_string(), schema::RELEASE_FIELDS))
        .chain(
            DeclKind::ALL
                .into_iter()
                .map(|k| (format!("`{}`", k.keyword()), schema::block_fields(Some(k)))),
        )
        .chain([("Advisories".to_string(), schema::ADVISORY_FIELDS)]);
    for (heading, specs) in blocks {
        let table = tables
            .iter()
            .find(|t| t.heading == heading)
            .unwrap_or_else(|| panic!("docs/language.md has no field table under {heading}"));
        let documented: BTreeSet<String> = table
            .rows
            .iter()
            .flat_map(|(n, _)| n.iter().cloned())
            .collect();
        assert_eq!(
            documented,
            names(specs),
            "the fields documented under {heading} are not the schema's"
        );
        for (row_names, required) in &table.rows {
            let Some(required) = required else { continue };
            for name in row_names {
                let spec = specs
                    .iter()
                    .find(|s| s.name == name)
                    .expect("checked above");
                assert_eq!(
                    required.contains("**yes**"),
                    spec.required,
                    "docs/language.md says `{name}` under {heading} is required: {required}"
                );
            }
        }
    }
}

#[test]
fn every_field_has_a_name_of_its_own_and_is_used() {
    let used: BTreeSet<&str> = schema::all_specs().map(|s| s.name).collect();
    let declared: BTreeSet<&str> = schema::Field::ALL.iter().map(|f| f.name()).collect();
    assert_eq!(
        declared.len(),
        schema::Field::ALL.len(),
        "two fields share a name"
    );
    assert_eq!(used, declared, "a field is declared that no block takes");
}

#[test]
fn every_alias_is_another_word_for_a_field() {
    for (alias, field) in schema::FIELD_ALIASES {
        assert_ne!(*alias, field.name(), "`{alias}` is an alias of itself");
        assert!(
            schema::all_specs().any(|s| s.field == *field),
            "the alias `{alias}` leads to {field:?}, which no block takes"
        );
    }
}

#[test]
fn the_references_table_names_what_a_reference_may_ask() {
    let doc = std::fs::read_to_string("docs/language.md").expect("docs/language.md");
    let section = doc
        .split("\n## References\n")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("a References section");
    // The table's example ids, by the kind they are declared as.
    let kinds = [
        ("@bollard", DeclKind::Person),
        ("@apec", DeclKind::Org),
        ("@nha-trang", DeclKind::Place),
        ("@som1", DeclKind::Meeting),
        ("@inclusive", DeclKind::Outcome),
        ("@hendrickson", DeclKind::Contact),
    ];
    for (id, kind) in kinds {
        // Every row whose first cell is about the id: `@apec.name`, and
        // the `.short` after it.
        let documented: BTreeSet<String> = section
            .lines()
            .filter(|l| l.starts_with(&format!("| `{id}")))
            .flat_map(|row| {
                let cell = row.split(" | ").next().unwrap_or_default();
                cell.split('`')
                    .skip(1)
                    .step_by(2)
                    .filter_map(|s| s.rsplit_once('.').map(|(_, f)| f.to_string()))
                    .collect::<Vec<_>>()
            })
            .collect();
        let offered: BTreeSet<String> = schema::RefField::of(kind)
            .iter()
            .map(|f| f.name().to_string())
            .collect();
        assert_eq!(documented, offered, "the fields of a reference to {id}");
    }
}
