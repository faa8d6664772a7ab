// Every table, for drizzle-kit and for the typed database handle.
export * from "./audit";
export * from "./boundaries";
export * from "./complaints";
export * from "./councils";
export * from "./court-events";
export * from "./date-precision";
export * from "./deadlines";
export * from "./documents";
export * from "./legal";
export * from "./planning";
export * from "./record-versions";
export * from "./sites";
export * from "./timeline";
export * from "./users";
