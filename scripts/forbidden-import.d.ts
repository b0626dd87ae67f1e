// Target of the `paths` entries that forbid a package in a TypeScript project (see the tsconfig.json files):
// an import of a forbidden package resolves here and fails with "is not a module" (TS2306).
