import { defineConfig } from "vitest/config";

// Unit tests (pure layers, mocks, golden files) run in parallel; end-to-end tests share one lab and
// one Pulumi backend per file, so their files run one after another.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 60_000 } },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 900_000,
          hookTimeout: 1_200_000,
        },
      },
    ],
  },
});
