import { defineConfig } from "@playwright/test";
import { MAIL_DIR } from "./tests/mail";

// One server for the whole suite: the release build on a fresh SQLite file with the demo data,
// sending its mail to a small SMTP server whose messages land in MAIL_DIR.
const port = process.env.TAM_E2E_PORT ?? "3111";

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  // The list as it runs; the HTML report keeps the visual tour's screenshots (end2end/playwright-report).
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium; Playwright never downloads a browser here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "../scripts/e2e-server.sh",
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      TAM_ADDR: `127.0.0.1:${port}`,
      RUST_LOG: "warn",
      TAM_E2E_MAIL_DIR: MAIL_DIR,
      TAM_E2E_SMTP_PORT: String(Number(port) + 14),
    },
  },
});
