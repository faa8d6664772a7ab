// Test data, one module per area of the service. Integration tests import from here; each module's
// header says what it builds. Rows "inserted" go straight into the database (no audit entry, no
// timeline event); rows "added" go through the app's own domain functions.
export * from "./boundaries";
export * from "./complaints";
export * from "./councils";
export * from "./data-dir";
export * from "./deadlines";
export * from "./documents";
export * from "./legal-cases";
export * from "./sites";
export * from "./timeline";
export * from "./users";
