; Every declaration is visible in the whole file (and in the files that
; `use` it): one scope, the file.

(source_file) @local.scope

(declaration
  name: (identifier) @local.definition)

(reference
  id: (identifier) @local.reference)
