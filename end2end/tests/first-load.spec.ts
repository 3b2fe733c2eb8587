import http from "node:http";
import { expect, test, hydrated } from "./helpers";

/**
 * The size budget of a first visit (sizes are deterministic, so this is a fair test, unlike a
 * timing): the WASM a new visitor downloads must stay within 150 KB gzip on each page, whatever
 * the number of pages. When islands accumulate past it, they must load lazily, not raise it.
 * Prints raw, gzip and brotli sizes of every asset of each first load.
 */
const WASM_BUDGET_GZIP = 150_000;
const PAGES = ["/", "/login", "/register", "/me"];

/** The bytes the server sends for `url` with this Accept-Encoding (no decompression). */
function transferSize(url: string, encoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": encoding } }, (res) => {
        let n = 0;
        res.on("data", (chunk: Buffer) => (n += chunk.length));
        res.on("end", () => resolve(n));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

test("a first visit downloads at most 150 KB gzip of WASM on every page", async ({ browser, baseURL }) => {
  const lines: string[] = [];
  for (const path of PAGES) {
    const context = await browser.newContext({ locale: "ar" });
    const page = await context.newPage();
    const assets = new Set<string>();
    page.on("requestfinished", (r) => {
      if (r.resourceType() !== "document" && r.url().startsWith(baseURL!)) assets.add(r.url());
    });
    await page.goto(path);
    await hydrated(page);
    await page.waitForLoadState("networkidle");

    let wasmGzip = 0;
    lines.push(`first load of ${path}:`);
    for (const url of [...assets].sort()) {
      const [raw, gzip, br] = await Promise.all(["identity", "gzip", "br"].map((e) => transferSize(url, e)));
      if (new URL(url).pathname.endsWith(".wasm")) wasmGzip += gzip;
      lines.push(
        `  ${new URL(url).pathname.padEnd(70)} raw ${String(raw).padStart(8)}  gzip ${String(gzip).padStart(8)}  br ${String(br).padStart(8)}`,
      );
    }
    lines.push(`  WASM, gzip: ${wasmGzip} B of a ${WASM_BUDGET_GZIP} B budget`);
    expect(wasmGzip, `WASM downloaded by a first visit to ${path}`).toBeLessThanOrEqual(WASM_BUDGET_GZIP);
    await context.close();
  }
  console.log(lines.join("\n"));
});
