/** The throw-away PostgreSQL cluster of the shared-backend tests: the benchmark's own (bench/postgres.ts). */
export { canRunPostgres, startPostgres, type Postgres } from "../../../bench/postgres";
