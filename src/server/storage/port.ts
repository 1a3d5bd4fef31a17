/**
 * The storage port: the only thing the rest of the server knows about the database. It is a
 * SQL port on purpose — both adapters speak PostgreSQL, so every query is written once, in the
 * domain modules, and runs unchanged on PGlite and on PostgreSQL. What differs between the two
 * (connections, pooling, value parsing) stays behind this interface.
 */
export type Row = Record<string, unknown>;

export interface Sql {
  /** One statement with $1… parameters. int8 columns come back as JS numbers on both adapters. */
  query<T = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Storage extends Sql {
  readonly kind: "pglite" | "postgres";
  /**
   * Runs fn in one READ COMMITTED transaction on one connection: committed when fn resolves,
   * rolled back when it throws (the error is rethrown).
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
