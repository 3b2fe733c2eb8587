import { createHmac } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where the suite's SMTP server writes each message it accepts (one file per message). */
export const MAIL_DIR = join(tmpdir(), `tam-e2e-mail-${process.env.TAM_E2E_PORT ?? "3111"}`);

/** Decodes one MIME part's body (lettre writes base64 or quoted-printable). */
function decodePart(part: string): string {
  const [head, ...rest] = part.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const joined = body.replace(/=\r?\n/g, "");
    return Buffer.from(
      joined.replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))),
      "latin1",
    ).toString("utf8");
  }
  return body;
}

/** The plain-text part of the newest message to `to` whose text matches `pattern`, waiting for it. */
export async function waitForMail(to: string, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = readdirSync(MAIL_DIR).sort().reverse();
    for (const file of files) {
      const raw = readFileSync(join(MAIL_DIR, file), "utf8");
      if (!new RegExp(`^To: .*${to.replace(/[.+]/g, "\\$&")}`, "mi").test(raw)) continue;
      const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
      const parts = boundary ? raw.split(`--${boundary}`) : [raw];
      const text = parts.filter((p) => /content-type:\s*text\/plain/i.test(p)).map(decodePart).join("\n");
      if (pattern.test(text)) return text;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail to ${to} matching ${pattern} within ${timeoutMs} ms`);
}

/** The current TOTP code (RFC 6238: SHA-1, 6 digits, 30 s) of a base32 secret, `stepOffset` steps on. */
export function totp(secret: string, stepOffset = 0): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const bits = [...secret.replace(/=+$/, "").toUpperCase()]
    .map((c) => alphabet.indexOf(c).toString(2).padStart(5, "0"))
    .join("");
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30_000) + stepOffset));
  const h = createHmac("sha1", key).update(counter).digest();
  const o = h[h.length - 1] & 0xf;
  const n = (((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3]) % 1_000_000;
  return n.toString().padStart(6, "0");
}
