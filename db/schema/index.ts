// Every table, for drizzle-kit and for the typed database handle.
export * from "./audit";
export * from "./councils";
export * from "./users";
