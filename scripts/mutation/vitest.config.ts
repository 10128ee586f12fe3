import { defineConfig } from 'vitest/config';

// The domain tests only: they are pure and fast, and every mutant lives in domain/.
export default defineConfig({
  test: { include: ['test/domain/**/*.test.ts'], testTimeout: 30_000 },
});
